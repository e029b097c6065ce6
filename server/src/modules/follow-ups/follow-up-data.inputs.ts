import { Field, Float, ID, InputType, Int } from "type-graphql";
import { AccountSizeValue } from "./follow-up-data.types";

/** follow_up_data fields a user may change; omitted = unchanged, null = cleared. */
@InputType()
export class FollowUpDataFields {
  @Field(() => String, { nullable: true, description: "Channel key" }) channel?: string | null;
  @Field(() => Float, { nullable: true, description: "MXN, 0 or more" }) accountValue?: number | null;
  @Field(() => Int, { nullable: true }) monthlyShipments?: number | null;
  @Field(() => Int, { nullable: true }) ecommerceTypeId?: number | null;
  @Field(() => Int, { nullable: true }) weightId?: number | null;
  @Field(() => Int, { nullable: true }) contentId?: number | null;
  @Field(() => AccountSizeValue, { nullable: true }) accountSize?: AccountSizeValue | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) estimatedCloseDate?: string | null;
  @Field(() => String, { nullable: true }) annotations?: string | null;
}

@InputType({ description: "Creates or changes an account's follow-up data" })
export class UpsertFollowUpDataInput extends FollowUpDataFields {
  @Field(() => ID) accountId!: string;
  @Field(() => Int, { description: "The account version you read; a stale one is CONFLICT" }) version!: number;
}
