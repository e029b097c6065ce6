import { FieldResolver, ID, Resolver, Root } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id";
import type { LocationEntity } from "./location.entity";
import { Location } from "./location.types";

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => ID)
  id(@Root() location: LocationEntity): string {
    return toGlobalId("Location", location.id);
  }
}
