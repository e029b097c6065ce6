import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "Creates or changes a partner prospect's data; omitted = unchanged, null = cleared" })
export class UpsertPartnerDataInput {
  @Field(() => ID) accountId!: string;
  @Field(() => Int, { description: "The account version you read; a stale one is CONFLICT" }) version!: number;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => Int, { nullable: true, description: "1 to 5" }) rating?: number | null;
  @Field(() => String, { nullable: true }) socialNetwork?: string | null;
  @Field(() => String, { nullable: true }) comments?: string | null;
}
