import { Field, ID, InputType } from "type-graphql";
import { NoteActionValue } from "./note.types";

@InputType({ description: "A note (activity) on an account: prospects' go to prospect_follow_up_comments, clients' to follow_up_comments" })
export class AddNoteInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String, { description: "1 to 5000 characters" }) comment!: string;
  @Field(() => NoteActionValue, { nullable: true }) action?: NoteActionValue | null;
  @Field(() => Date, { nullable: true, description: "When the activity is planned (calendar)" }) scheduledDate?: Date | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears action or scheduledDate" })
export class UpdateNoteInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => NoteActionValue, { nullable: true }) action?: NoteActionValue | null;
  @Field(() => Date, { nullable: true }) scheduledDate?: Date | null;
}

@InputType()
export class RemoveNoteInput {
  @Field(() => ID) id!: string;
}
