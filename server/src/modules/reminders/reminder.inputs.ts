import { Field, ID, InputType, registerEnumType } from "type-graphql";

@InputType({ description: "A to-do on an account (the TodoForm); the assignee must be able to see the account" })
export class CreateReminderInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String, { description: "1 to 2000 characters" }) text!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => ID, { nullable: true, description: "User id; defaults to the viewer" }) assigneeId?: string | null;
}

@InputType({ description: "Omitted fields stay as they are" })
export class UpdateReminderInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => Date, { nullable: true }) dueAt?: Date | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
}

@InputType()
export class CompleteReminderInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { defaultValue: true, description: "false reopens a completed reminder" }) completed!: boolean;
}

@InputType()
export class RemoveReminderInput {
  @Field(() => ID) id!: string;
}

export enum ReminderStatusFilter {
  DUE = "DUE",
  OVERDUE = "OVERDUE",
  OPEN = "OPEN",
  COMPLETED = "COMPLETED",
  ALL = "ALL",
}
registerEnumType(ReminderStatusFilter, {
  name: "ReminderStatusFilter",
  description: "DUE: open, due from now on; OVERDUE: open, due before now; OPEN: both; COMPLETED; ALL",
});

@InputType()
export class MyRemindersFilter {
  @Field(() => ReminderStatusFilter, { defaultValue: ReminderStatusFilter.OPEN }) status!: ReminderStatusFilter;
  @Field(() => Date, { nullable: true, description: "Only reminders due before this instant (e.g. the end of today)" }) dueBefore?: Date | null;
}
