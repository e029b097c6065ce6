import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import type { ReminderEntity } from "./reminder.entity";
import { Reminder } from "./reminder.types";

@Resolver(() => Reminder)
export class ReminderResolver {
  @FieldResolver(() => ID)
  id(@Root() reminder: ReminderEntity): string {
    return toGlobalId("Reminder", reminder.id);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() reminder: ReminderEntity, @Ctx() ctx: Context): Promise<UserEntity | null> {
    return ctx.loaders.usersById.load(reminder.assigneeId);
  }
}
