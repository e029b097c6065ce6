import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { loadAccountFact } from "../accounts/account-facts.loaders";
import type { AccountEntity } from "../accounts/account.entity";
import { Account } from "../accounts/account.types";
import { RespondioSync, syncStatusOf } from "./job.types";

@Resolver(() => Account)
export class AccountRespondioSyncResolver {
  @FieldResolver(() => RespondioSync, { nullable: true, description: "The lead sync to Respond.io of this prospect; null when none was enqueued (e.g. accounts older than the sync)" })
  async respondioSync(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<RespondioSync | null> {
    const row = await loadAccountFact(ctx.loaders, account, "respondioOutbox");
    if (!row) {
      return null;
    }
    return {
      status: syncStatusOf(row.status),
      attempts: row.attempts,
      lastError: row.status === "skipped" ? (row.detail ?? row.lastError) : row.lastError,
      updatedAt: row.updatedAt ?? row.dispatchedAt ?? row.createdAt,
    };
  }
}
