import { Ctx, FieldResolver, ID, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../graphql/context";
import { toGlobalId } from "../graphql/global-id";
import type { AccountEntity } from "../modules/accounts/account.entity";
import { scopeAllows } from "../modules/accounts/account.scope";
import { Account } from "../modules/accounts/account.types";
import { User } from "../modules/auth/auth.types";
import type { UserEntity } from "../modules/auth/user.entity";
import type { Viewer } from "../modules/auth/viewer";
import { FollowUpStatus } from "../modules/catalogs/catalog.types";
import type { NoteRecord } from "../modules/notes/note.loaders";
import { Note } from "../modules/notes/note.types";
import { AccountChange, AccountChangeKind, type AccountChangeRecord } from "./account-change.types";
import type { AccountEvent } from "./account-event";
import { ACCOUNT_CHANGED } from "./event-bus";

/** Whether a subscriber hears of an event: the account is in their scope after the change, or was before it (then: leftScope). */
export function eventConcerns(viewer: Viewer | null, event: AccountEvent): boolean {
  if (!viewer) {
    return false;
  }
  return scopeAllows(viewer, event.scope) || (event.previousScope !== undefined && scopeAllows(viewer, event.previousScope));
}

/** The event's account read now, or null when it left the subscriber's scope (by this change or since). */
async function visibleAccount(change: AccountChangeRecord, ctx: Context): Promise<AccountEntity | null> {
  if (change.leftScope) {
    return null;
  }
  const viewer = ctx.requireViewer();
  const account = await ctx.loaders.accountsById.load(change.event.accountId);
  if (!account) {
    return null;
  }
  const company = viewer.scope === "mdr" && account.companyId !== null ? await ctx.loaders.companiesById.load(account.companyId) : null;
  return scopeAllows(viewer, { ...account, companyExecutiveId: company?.assignedExecutiveId ?? null }) ? account : null;
}

/**
 * Subscription.accountChanged. Each subscriber is filtered on the event's scope facts (no SQL);
 * the fields resolve per event with a fresh context of the subscriber (ws-server.ts), so the
 * account is read as they may see it now, through their own loaders and field guards.
 */
@Resolver(() => AccountChange)
export class AccountChangeResolver {
  @Subscription(() => AccountChange, {
    topics: ACCOUNT_CHANGED,
    filter: ({ payload, context }: { payload: AccountEvent; context: Context }) => eventConcerns(context.viewer, payload),
    description: "Changes to accounts in the viewer's scope, as they commit (graphql-ws on /graphql)",
  })
  accountChanged(@Root() event: AccountEvent, @Ctx() ctx: Context): AccountChangeRecord {
    return { event, leftScope: !scopeAllows(ctx.requireViewer(), event.scope) };
  }

  @FieldResolver(() => AccountChangeKind)
  kind(@Root() change: AccountChangeRecord): AccountChangeKind {
    return AccountChangeKind[change.event.kind];
  }

  @FieldResolver(() => ID)
  accountId(@Root() change: AccountChangeRecord): string {
    return toGlobalId("Account", change.event.accountId);
  }

  /**
   * Read now, through the subscriber's loaders (the events delivered together share one
   * statement), and shown only if still in their scope (scopeAllows on the fresh row and its
   * company: applyVisibility's rule); null otherwise (a later change's own event says leftScope).
   */
  @FieldResolver(() => Account, { nullable: true })
  account(@Root() change: AccountChangeRecord, @Ctx() ctx: Context): Promise<AccountEntity | null> {
    return visibleAccount(change, ctx);
  }

  @FieldResolver(() => FollowUpStatus, { nullable: true })
  async fromStatus(@Root() change: AccountChangeRecord, @Ctx() ctx: Context): Promise<FollowUpStatus | null> {
    return change.event.fromStatusId === undefined ? null : ((await ctx.services.catalogs.status(change.event.fromStatusId)) ?? null);
  }

  @FieldResolver(() => FollowUpStatus, { nullable: true })
  async toStatus(@Root() change: AccountChangeRecord, @Ctx() ctx: Context): Promise<FollowUpStatus | null> {
    return change.event.toStatusId === undefined ? null : ((await ctx.services.catalogs.status(change.event.toStatusId)) ?? null);
  }

  /**
   * NOTE_ADDED's note, only while the account is in the subscriber's scope now: the event's
   * scope facts are from the commit, and a reassignment since must not hand the old owner a
   * note written after it (the account's visibility is the note's).
   */
  @FieldResolver(() => Note, { nullable: true })
  async note(@Root() change: AccountChangeRecord, @Ctx() ctx: Context): Promise<NoteRecord | null> {
    if (change.event.noteId === undefined || !(await visibleAccount(change, ctx))) {
      return null;
    }
    return ctx.eventReads ? ctx.eventReads.note(change.event) : ctx.services.notes.live(change.event.noteId, change.event.accountId);
  }

  @FieldResolver(() => User, { nullable: true })
  async actor(@Root() change: AccountChangeRecord, @Ctx() ctx: Context): Promise<UserEntity | null> {
    return (await ctx.loaders.usersById.load(change.event.actorId)) ?? null;
  }

  @FieldResolver(() => Date)
  occurredAt(@Root() change: AccountChangeRecord): Date {
    return new Date(change.event.occurredAt);
  }
}
