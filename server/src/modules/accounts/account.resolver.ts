import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { pageSize } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { expectGlobalId, toGlobalId } from "../../graphql/global-id";
import type { UserEntity } from "../auth/user.entity";
import type { FollowUpStatus, Locale } from "../catalogs/catalog.types";
import type { ContactEntity } from "../contacts/contact.entity";
import type { FollowUpDataEntity } from "../follow-ups/follow-up-data.entity";
import type { LocationEntity } from "../locations/location.entity";
import { noteCursor, type NoteRecord } from "../notes/note.loaders";
import { NoteConnection } from "../notes/note.types";
import type { ReminderEntity } from "../reminders/reminder.entity";
import { loadAccountFact } from "./account-facts.loaders";
import type { AccountEntity } from "./account.entity";
import { AccountFilter, AccountOrder } from "./account.inputs";
import type { AccountPage } from "./account.service";
import { Account, AccountConnection, AccountStatus, AccountType, accountStatusOf, accountTypeOf } from "./account.types";
import { Phone, toPhone } from "./phone.types";

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => AccountConnection, { description: "Accounts in the viewer's scope, filtered and paginated" })
  accounts(
    @Ctx() ctx: Context,
    @Arg("filter", () => AccountFilter, { nullable: true }) filter?: AccountFilter,
    @Arg("orderBy", () => AccountOrder, { nullable: true }) orderBy?: AccountOrder,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<AccountPage> {
    return ctx.services.accounts.list(ctx.requireViewer(), { filter, orderBy, first, after });
  }

  @Query(() => Account, { description: "One account; NOT_FOUND when it is outside the viewer's scope" })
  account(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<AccountEntity> {
    return ctx.services.accounts.get(ctx.requireViewer(), expectGlobalId(id, "Account"));
  }

  @FieldResolver(() => ID)
  id(@Root() account: AccountEntity): string {
    return toGlobalId("Account", account.id);
  }

  @FieldResolver(() => Int)
  legacyId(@Root() account: AccountEntity): number {
    return account.id;
  }

  @FieldResolver(() => AccountType)
  type(@Root() account: AccountEntity): AccountType {
    return accountTypeOf(account.type);
  }

  @FieldResolver(() => AccountStatus)
  status(@Root() account: AccountEntity): AccountStatus {
    return accountStatusOf(account.status);
  }

  @FieldResolver(() => Phone, { nullable: true })
  phone(@Root() account: AccountEntity): Phone | null {
    return toPhone(account.phoneCode, account.phone);
  }

  @FieldResolver()
  async locale(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<Locale> {
    const locale = await ctx.services.catalogs.locale(account.localeId);
    if (!locale) {
      throw new NotFoundError("Locale", account.localeId);
    }
    return locale;
  }

  @FieldResolver()
  async followUpStatus(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<FollowUpStatus> {
    const status = await ctx.services.catalogs.status(account.followUpId);
    if (!status) {
      throw new NotFoundError("Follow-up status", account.followUpId);
    }
    return status;
  }

  @FieldResolver()
  salesman(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<UserEntity | null> | null {
    return account.salesmanId === null ? null : loadAccountFact(ctx.loaders, account, "salesman");
  }

  @FieldResolver()
  async createdBy(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<UserEntity> {
    const user = await loadAccountFact(ctx.loaders, account, "creator");
    if (!user) {
      throw new NotFoundError("User", account.createdBy);
    }
    return user;
  }

  @FieldResolver()
  followUpData(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<FollowUpDataEntity | null> {
    return loadAccountFact(ctx.loaders, account, "followUpData");
  }

  @FieldResolver()
  contacts(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<ContactEntity[]> {
    return ctx.loaders.contactsByProspectId.load(account.id);
  }

  @FieldResolver()
  locations(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<LocationEntity[]> {
    return ctx.loaders.locationsByProspectId.load(account.id);
  }

  @FieldResolver()
  reminders(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<ReminderEntity[]> {
    return ctx.loaders.remindersByProspectId.load(account.id);
  }

  @FieldResolver(() => NoteConnection, { description: "The timeline, newest first; a Client's includes its history as a prospect" })
  async notes(
    @Root() account: AccountEntity,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: "1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    const size = pageSize(first, "notes.first");
    const page = await ctx.loaders.notesByAccount.load({ accountId: account.id, first: size, after: after ?? null });
    const edges = page.records.map((node) => ({ cursor: noteCursor(node), node }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @FieldResolver(() => Date, { nullable: true })
  async lastActivityAt(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<Date | null> {
    return (await ctx.loaders.activityByAccountId.load(account.id)).lastActivityAt;
  }

  @FieldResolver()
  async nextScheduledActivity(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<NoteRecord | null> {
    return (await ctx.loaders.activityByAccountId.load(account.id)).nextScheduled;
  }
}
