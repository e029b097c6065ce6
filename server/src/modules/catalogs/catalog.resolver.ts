import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Catalogs } from "./catalog.types";

@Resolver()
export class CatalogResolver {
  @Query(() => Catalogs, { description: "Statuses, locales and the other catalogs of the CRM" })
  catalogs(@Ctx() ctx: Context): Promise<Catalogs> {
    return ctx.services.catalogs.all();
  }
}
