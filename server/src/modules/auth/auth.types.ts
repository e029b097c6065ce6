import { Field, InputType, Int, ObjectType } from "type-graphql";
import { IsEmail, MaxLength, MinLength } from "class-validator";
import { Node } from "../../graphql/node.types";

@ObjectType({ implements: Node, description: "A CRM user: sales executive, manager or admin" })
export class User extends Node {
  @Field(() => Int, { description: "Numeric users.id, for integrators that know the old ids" })
  legacyId!: number;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => [String], { description: "Permission keys: crm, all-prospects, crm-manager, sdr, mdr, kae, …" })
  permissions!: string[];
}

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsEmail({}, { message: "must be a valid email address" })
  @MaxLength(191)
  email!: string;

  @Field(() => String)
  @MinLength(1, { message: "is required" })
  @MaxLength(200)
  password!: string;
}
