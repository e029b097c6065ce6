import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.types";

@ObjectType({ implements: Node, description: "A to-do on an account" })
export class Reminder extends Node {
  @Field(() => String) text!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}
