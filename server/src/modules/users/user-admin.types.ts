import { IsEmail, IsOptional, MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
import { User } from "../auth/auth.types";

/** The CRM role of a user (the `sdr` / `mdr` permission keys); decides default visibility. */
export enum CrmRole {
  SDR = "sdr",
  MDR = "mdr",
}
registerEnumType(CrmRole, { name: "CrmRole", description: "SDR: own accounts; MDR: their companies' clients plus own" });

@ObjectType({ description: "A permission key an admin can grant" })
export class PermissionInfo {
  @Field(() => String)
  key!: string;

  @Field(() => String, { description: "access, role or sales_role" })
  kind!: string;

  @Field(() => Int, { nullable: true, description: "Old numeric id (319 = crm, 147 = crm-manager)" })
  legacyId!: number | null;

  @Field(() => String)
  description!: string;
}

@ObjectType()
export class UserEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => User)
  node!: User;
}

@ObjectType({ description: "A page of users, by name" })
export class UserConnection {
  @Field(() => [UserEdge])
  edges!: UserEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: "Prefix of name or email" })
  @IsOptional()
  @MaxLength(191)
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Only active (true) or deactivated (false) users" })
  active?: boolean | null;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: "must be a valid email address" })
  @MaxLength(191)
  email!: string;

  @Field(() => String)
  @MinLength(1, { message: "is required" })
  @MaxLength(191)
  name!: string;

  @Field(() => String, { description: "At least 10 characters" })
  @MinLength(10, { message: "must be at least 10 characters" })
  @MaxLength(200)
  password!: string;

  @Field(() => CrmRole, { nullable: true })
  role?: CrmRole | null;

  @Field(() => [String], { description: "Permission keys other than roles: crm, all-prospects, kae, …" })
  permissions!: string[];
}

@InputType()
export class SetUserPermissionsInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => CrmRole, { nullable: true, description: "Null: no CRM role" })
  role?: CrmRole | null;

  @Field(() => [String], { description: "The complete set of non-role keys (replaces the current ones)" })
  permissions!: string[];
}

@InputType()
export class UserIdInput {
  @Field(() => ID)
  userId!: string;
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, { description: "At least 10 characters; the user's sessions end" })
  @MinLength(10, { message: "must be at least 10 characters" })
  @MaxLength(200)
  password!: string;
}
