import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.types";

@ObjectType({ implements: Node, description: "A company registered on the platform" })
export class Company extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "RFC" }) taxId!: string | null;
  @Field(() => Date) createdAt!: Date;
}
