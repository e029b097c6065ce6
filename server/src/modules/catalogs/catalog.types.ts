import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A country the CRM sells in, with its phone code" })
export class Locale {
  @Field(() => Int) id!: number;
  @Field(() => String, { description: "ISO country code, e.g. MX" }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "Country calling code without +, e.g. 52" }) phoneCode!: string;
  @Field(() => Int, { description: "Digits of a national phone number" }) phoneDigits!: number;
  @Field(() => String) currency!: string;
}

@ObjectType()
export class CatalogItem {
  @Field(() => Int) id!: number;
  @Field(() => String) name!: string;
}

@ObjectType()
export class KeyedCatalogItem extends CatalogItem {
  @Field(() => String) key!: string;
}

@ObjectType()
export class WeightRange extends CatalogItem {
  @Field(() => Float) minKg!: number;
  @Field(() => Float, { nullable: true }) maxKg!: number | null;
}

@ObjectType()
export class MonthlyShipmentRange extends CatalogItem {
  @Field(() => Int) minShipments!: number;
  @Field(() => Int, { nullable: true }) maxShipments!: number | null;
}

@ObjectType({ description: "A group of follow-up statuses (New, Contacted, Qualified, …)" })
export class FollowUpStatusGroup {
  @Field(() => Int) id!: number;
  @Field(() => String) name!: string;
  @Field(() => String) color!: string;
  @Field(() => Int) position!: number;
  @Field(() => [FollowUpStatus]) statuses!: FollowUpStatus[];
}

@ObjectType({ description: "A follow-up status: one Kanban column" })
export class FollowUpStatus {
  @Field(() => Int) id!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "#RRGGBB" }) color!: string;
  @Field(() => Int) position!: number;
  @Field(() => String, { nullable: true, description: "won or lost for closing statuses" }) outcome!: string | null;
  @Field(() => FollowUpStatusGroup, { nullable: true }) group!: FollowUpStatusGroup | null;
}

@ObjectType({ description: "Every catalog the CRM's forms and filters need, in one request" })
export class Catalogs {
  @Field(() => [FollowUpStatusGroup]) statusGroups!: FollowUpStatusGroup[];
  @Field(() => [FollowUpStatus]) followUpStatuses!: FollowUpStatus[];
  @Field(() => [Locale]) locales!: Locale[];
  @Field(() => [KeyedCatalogItem]) ecommerceTypes!: KeyedCatalogItem[];
  @Field(() => [WeightRange]) weightRanges!: WeightRange[];
  @Field(() => [CatalogItem]) contentTypes!: CatalogItem[];
  @Field(() => [MonthlyShipmentRange]) monthlyShipmentRanges!: MonthlyShipmentRange[];
  @Field(() => [KeyedCatalogItem]) channels!: KeyedCatalogItem[];
  @Field(() => [String], { description: "individual, startup, sme, enterprise, corporate" }) accountSizes!: string[];
}
