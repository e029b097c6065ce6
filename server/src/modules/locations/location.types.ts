import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node.types";

export enum LocationKindValue {
  OFFICE = "office",
  WAREHOUSE = "warehouse",
  BRANCH = "branch",
  HEADQUARTERS = "headquarters",
  DISTRIBUTION_CENTER = "distribution_center",
}
registerEnumType(LocationKindValue, { name: "LocationKind" });

@ObjectType({ implements: Node, description: "A physical address of an account (Mexican address fields)" })
export class Location extends Node {
  @Field(() => LocationKindValue) kind!: LocationKindValue;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String) street!: string;
  @Field(() => String, { nullable: true }) exteriorNumber!: string | null;
  @Field(() => String, { nullable: true }) interiorNumber!: string | null;
  @Field(() => String, { nullable: true, description: "Colonia" }) neighborhood!: string | null;
  @Field(() => String) city!: string;
  @Field(() => String) state!: string;
  @Field(() => String) postalCode!: string;
  @Field(() => String, { description: "ISO country code" }) country!: string;
  @Field(() => Boolean) isPrimary!: boolean;
}
