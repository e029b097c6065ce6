import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Note, NoteActionValue } from "../notes/note.types";
import { Reminder } from "../reminders/reminder.types";
import { Account } from "./account.types";

export enum ActivityKind {
  NOTE = "NOTE",
  REMINDER = "REMINDER",
}
registerEnumType(ActivityKind, { name: "ActivityKind", description: "NOTE: a scheduled follow-up note; REMINDER: a to-do" });

@ObjectType({ description: "A calendar item: a scheduled note or a reminder of a visible account" })
export class Activity {
  @Field(() => ID, { description: "The Note or Reminder global id" }) id!: string;
  @Field(() => ActivityKind) kind!: ActivityKind;
  @Field(() => NoteActionValue, { nullable: true, description: "The note's action (call, meeting, …); null for reminders" }) action!: NoteActionValue | null;
  @Field(() => Date, { description: "Scheduled date of the note, due date of the reminder" }) date!: Date;
  @Field(() => String, { description: "The note's comment or the reminder's text" }) title!: string;
  @Field(() => Boolean, { description: "Reminders: completed; notes: false" }) completed!: boolean;
  @Field(() => Account) account!: Account;
  @Field(() => Note, { nullable: true }) note!: Note | null;
  @Field(() => Reminder, { nullable: true }) reminder!: Reminder | null;
}
