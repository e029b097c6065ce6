import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
import { Node } from "../../graphql/node.types";

export enum NoteActionValue {
  CALL = "call",
  WHATSAPP = "whatsapp",
  EMAIL = "email",
  MEETING = "meeting",
  SMS = "sms",
  OTHER = "other",
}
registerEnumType(NoteActionValue, { name: "NoteAction" });

export enum NoteSourceValue {
  PROSPECT = "prospect",
  COMPANY = "company",
}
registerEnumType(NoteSourceValue, {
  name: "NoteSource",
  description: "PROSPECT: prospect_follow_up_comments; COMPANY: the client company's follow_up_comments",
});

@ObjectType({ implements: Node, description: "A follow-up note (activity) on an account's timeline" })
export class Note extends Node {
  @Field(() => NoteSourceValue) source!: NoteSourceValue;
  @Field(() => String) comment!: string;
  @Field(() => NoteActionValue, { nullable: true }) action!: NoteActionValue | null;
  @Field(() => Date, { nullable: true }) scheduledDate!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class NoteEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Note) node!: Note;
}

@ObjectType({ description: "Notes newest first" })
export class NoteConnection {
  @Field(() => [NoteEdge]) edges!: NoteEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
