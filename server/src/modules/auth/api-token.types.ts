import { ArrayMinSize, ArrayUnique, IsOptional, MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { User } from "./auth.types";

/** What a token may do; stored lowercase in api_tokens.scopes. */
export enum ApiTokenScope {
  READ = "read",
  WRITE = "write",
  ADMIN = "admin",
}
registerEnumType(ApiTokenScope, {
  name: "ApiTokenScope",
  description: "READ: queries; WRITE: mutations; ADMIN: the admin permission (only if the user has it)",
});

@ObjectType({ description: "An integration token acting as its user, narrowed to its scopes" })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ApiTokenScope])
  scopes!: ApiTokenScope[];

  @Field(() => User, { description: "Whose permissions the token acts with" })
  user!: User;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Last request made with the token (minute precision)" })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "A new token and its secret, shown this once (only a hash is stored)" })
export class CreatedApiToken {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: "Send as `Authorization: Bearer <secret>`" })
  secret!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String)
  @MinLength(1, { message: "is required" })
  @MaxLength(120)
  name!: string;

  @Field(() => [ApiTokenScope])
  @ArrayMinSize(1, { message: "needs at least one scope" })
  @ArrayUnique({ message: "must not repeat a scope" })
  scopes!: ApiTokenScope[];

  @Field(() => Date, { nullable: true, description: "Never expires when omitted" })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}
