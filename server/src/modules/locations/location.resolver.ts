import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import type { LocationEntity } from "./location.entity";
import { AddLocationInput, RemoveLocationInput, UpdateLocationInput } from "./location.inputs";
import { Location } from "./location.types";

@Resolver(() => Location)
export class LocationResolver {
  @Mutation(() => Location, { description: "Adds a location to an account in the viewer's scope; needs crm-menu" })
  addLocation(@Arg("input", () => AddLocationInput) input: AddLocationInput, @Ctx() ctx: Context): Promise<LocationEntity> {
    return ctx.services.locations.add(ctx.requireViewer(), input);
  }

  @Mutation(() => Location, { description: "Changes a location; needs crm-menu" })
  updateLocation(@Arg("input", () => UpdateLocationInput) input: UpdateLocationInput, @Ctx() ctx: Context): Promise<LocationEntity> {
    return ctx.services.locations.update(ctx.requireViewer(), input);
  }

  @Mutation(() => Location, { description: "Removes a location (soft delete); needs crm-menu. Returns the removed location" })
  removeLocation(@Arg("input", () => RemoveLocationInput) input: RemoveLocationInput, @Ctx() ctx: Context): Promise<LocationEntity> {
    return ctx.services.locations.remove(ctx.requireViewer(), input);
  }

  @FieldResolver(() => ID)
  id(@Root() location: LocationEntity): string {
    return toGlobalId("Location", location.id);
  }
}
