import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/global-id";
import type { AccountEntity } from "../accounts/account.entity";
import { Account } from "../accounts/account.types";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import type { ReminderEntity } from "./reminder.entity";
import { CompleteReminderInput, CreateReminderInput, MyRemindersFilter, RemoveReminderInput, UpdateReminderInput } from "./reminder.inputs";
import { canEditReminder } from "./reminder.service";
import { Reminder } from "./reminder.types";

@Resolver(() => Reminder)
export class ReminderResolver {
  @Query(() => [Reminder], { description: "Reminders assigned to the viewer on accounts they can see, soonest due first" })
  myReminders(
    @Ctx() ctx: Context,
    @Arg("filter", () => MyRemindersFilter, { nullable: true }) filter?: MyRemindersFilter,
    @Arg("first", () => Int, { nullable: true, description: "1 to 500 (default 100)" }) first?: number,
  ): Promise<ReminderEntity[]> {
    return ctx.services.reminders.mine(ctx.requireViewer(), filter, first);
  }

  @Mutation(() => Reminder, { description: "Creates a reminder on an account in scope; the assignee (default: the viewer) must see the account" })
  createReminder(@Arg("input", () => CreateReminderInput) input: CreateReminderInput, @Ctx() ctx: Context): Promise<ReminderEntity> {
    return ctx.services.reminders.create(ctx.requireViewer(), input);
  }

  @Mutation(() => Reminder, { description: "Changes a reminder; its creator, assignee or a manager only" })
  updateReminder(@Arg("input", () => UpdateReminderInput) input: UpdateReminderInput, @Ctx() ctx: Context): Promise<ReminderEntity> {
    return ctx.services.reminders.update(ctx.requireViewer(), input);
  }

  @Mutation(() => Reminder, { description: "Marks a reminder done (or reopens it); its creator, assignee or a manager only" })
  completeReminder(@Arg("input", () => CompleteReminderInput) input: CompleteReminderInput, @Ctx() ctx: Context): Promise<ReminderEntity> {
    return ctx.services.reminders.complete(ctx.requireViewer(), input);
  }

  @Mutation(() => Reminder, { description: "Removes a reminder (soft delete); returns the removed reminder" })
  removeReminder(@Arg("input", () => RemoveReminderInput) input: RemoveReminderInput, @Ctx() ctx: Context): Promise<ReminderEntity> {
    return ctx.services.reminders.remove(ctx.requireViewer(), input);
  }

  @FieldResolver(() => ID)
  id(@Root() reminder: ReminderEntity): string {
    return toGlobalId("Reminder", reminder.id);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() reminder: ReminderEntity, @Ctx() ctx: Context): Promise<UserEntity | null> {
    return ctx.loaders.usersById.load(reminder.assigneeId);
  }

  @FieldResolver(() => User)
  async createdBy(@Root() reminder: ReminderEntity, @Ctx() ctx: Context): Promise<UserEntity> {
    const user = await ctx.loaders.usersById.load(reminder.createdBy);
    if (!user) {
      throw new NotFoundError("User", reminder.createdBy);
    }
    return user;
  }

  @FieldResolver(() => Account, { description: "The account (reminders are only reached through accounts the viewer can see)" })
  async account(@Root() reminder: ReminderEntity, @Ctx() ctx: Context): Promise<AccountEntity> {
    const account = await ctx.loaders.accountsById.load(reminder.prospectId);
    if (!account) {
      throw new NotFoundError("Account", reminder.prospectId);
    }
    return account;
  }

  @FieldResolver(() => Boolean, { description: "Whether the viewer may change it (creator, assignee or crm-manager)" })
  canEdit(@Root() reminder: ReminderEntity, @Ctx() ctx: Context): boolean {
    return canEditReminder(ctx.viewer, reminder);
  }
}
