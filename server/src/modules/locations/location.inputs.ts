import { Field, ID, InputType } from "type-graphql";
import { LocationKindValue } from "./location.types";

@InputType({ description: "A physical address with Mexican address fields; needs crm-menu" })
export class AddLocationInput {
  @Field(() => ID) accountId!: string;
  @Field(() => LocationKindValue) kind!: LocationKindValue;
  @Field(() => String, { nullable: true, description: "A label, e.g. Bodega Norte" }) name?: string | null;
  @Field(() => String) street!: string;
  @Field(() => String, { nullable: true, description: "Número exterior" }) exteriorNumber?: string | null;
  @Field(() => String, { nullable: true, description: "Número interior" }) interiorNumber?: string | null;
  @Field(() => String, { nullable: true, description: "Colonia" }) neighborhood?: string | null;
  @Field(() => String) city!: string;
  @Field(() => String) state!: string;
  @Field(() => String, { description: "5 digits in Mexico" }) postalCode!: string;
  @Field(() => String, { nullable: true, description: "ISO 3166 alpha-2; default MX" }) country?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Make it the account's primary location (the first one is primary anyway)" })
  isPrimary?: boolean | null;
}

@InputType({ description: "Omitted fields stay as they are; isPrimary true moves the primary flag here" })
export class UpdateLocationInput {
  @Field(() => ID) id!: string;
  @Field(() => LocationKindValue, { nullable: true }) kind?: LocationKindValue | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) exteriorNumber?: string | null;
  @Field(() => String, { nullable: true }) interiorNumber?: string | null;
  @Field(() => String, { nullable: true }) neighborhood?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => Boolean, { nullable: true }) isPrimary?: boolean | null;
}

@InputType()
export class RemoveLocationInput {
  @Field(() => ID) id!: string;
}
