import { Field, ObjectType } from "type-graphql";
import { Node } from "../../graphql/node.types";
import { Phone } from "../accounts/phone.types";

@ObjectType({ implements: Node, description: "A person of an account beyond the primary contact" })
export class Contact extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Phone, { nullable: true }) phone!: Phone | null;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => Date) createdAt!: Date;
}
