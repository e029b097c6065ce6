import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A person of an account beyond its primary contact (the account's own name, email and phone)" })
export class AddContactInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: "Country calling code without +, e.g. 52; required with phone" }) phoneCode?: string | null;
  @Field(() => String, { nullable: true, description: "National number: as many digits as the phone code's locale expects" }) phone?: string | null;
  @Field(() => String, { nullable: true, description: "Position" }) jobTitle?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; null clears an optional one" })
export class UpdateContactInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phoneCode?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
}

@InputType()
export class RemoveContactInput {
  @Field(() => ID) id!: string;
}
