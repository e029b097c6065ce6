import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "An email from the side panel; `to` must be the account's email or one of its contacts'" })
export class SendEmailInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String) to!: string;
  @Field(() => String, { description: "1 to 255 characters" }) subject!: string;
  @Field(() => String, { description: "Plain text, 1 to 50000 characters" }) body!: string;
}
