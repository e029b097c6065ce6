import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
import { noteGlobalId } from "../notes/note.resolver";
import type { AccountEntity } from "./account.entity";
import { AccountFilter } from "./account.inputs";
import type { ActivityItem } from "./activity.service";
import { Activity } from "./activity.types";

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => [Activity], { description: "Scheduled notes and reminders in [from, to) of the accounts in scope, by date; at most 93 days, 2000 items" })
  activities(
    @Ctx() ctx: Context,
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date) to: Date,
    @Arg("filter", () => AccountFilter, { nullable: true }) filter?: AccountFilter,
  ): Promise<ActivityItem[]> {
    return ctx.services.activities.list(ctx.requireViewer(), from, to, filter);
  }

  @FieldResolver(() => ID)
  id(@Root() item: ActivityItem): string {
    return item.note ? noteGlobalId(item.note) : toGlobalId("Reminder", item.reminder?.id ?? 0);
  }

  @FieldResolver()
  async account(@Root() item: ActivityItem, @Ctx() ctx: Context): Promise<AccountEntity> {
    const account = await ctx.loaders.accountsById.load(item.accountId);
    if (!account) {
      throw new NotFoundError("Account", item.accountId);
    }
    return account;
  }
}
