import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { CatalogItem, KeyedCatalogItem, WeightRange } from "../catalogs/catalog.types";

export enum AccountSizeValue {
  INDIVIDUAL = "individual",
  STARTUP = "startup",
  SME = "sme",
  ENTERPRISE = "enterprise",
  CORPORATE = "corporate",
}
registerEnumType(AccountSizeValue, { name: "AccountSize", description: "follow_up_data.account_type" });

@ObjectType({ description: "Follow-up metadata: channel, value, shipments, ecommerce, weight, content" })
export class FollowUpData {
  @Field(() => KeyedCatalogItem, { nullable: true }) channel!: KeyedCatalogItem | null;
  @Field(() => Float, { nullable: true, description: "Estimated account value in MXN" }) accountValue!: number | null;
  @Field(() => Int, { nullable: true }) monthlyShipments!: number | null;
  @Field(() => KeyedCatalogItem, { nullable: true }) ecommerceType!: KeyedCatalogItem | null;
  @Field(() => WeightRange, { nullable: true }) weight!: WeightRange | null;
  @Field(() => CatalogItem, { nullable: true }) content!: CatalogItem | null;
  @Field(() => AccountSizeValue, { nullable: true }) accountSize!: AccountSizeValue | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) estimatedCloseDate!: string | null;
  @Field(() => String, { nullable: true }) annotations!: string | null;
  @Field(() => Date) updatedAt!: Date;
}
