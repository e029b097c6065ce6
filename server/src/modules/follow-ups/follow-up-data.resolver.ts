import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import type { CatalogItem, KeyedCatalogItem, WeightRange } from "../catalogs/catalog.types";
import type { FollowUpDataEntity } from "./follow-up-data.entity";
import { AccountSizeValue, FollowUpData } from "./follow-up-data.types";

/** Catalog references of follow_up_data come from the cached catalogs: no SQL. */
@Resolver(() => FollowUpData)
export class FollowUpDataResolver {
  @FieldResolver()
  async channel(@Root() data: FollowUpDataEntity, @Ctx() ctx: Context): Promise<KeyedCatalogItem | null> {
    return (await ctx.services.catalogs.all()).channels.find((c) => c.key === data.channel) ?? null;
  }

  @FieldResolver()
  async ecommerceType(@Root() data: FollowUpDataEntity, @Ctx() ctx: Context): Promise<KeyedCatalogItem | null> {
    return (await ctx.services.catalogs.all()).ecommerceTypes.find((c) => c.id === data.ecommerceTypeId) ?? null;
  }

  @FieldResolver()
  async weight(@Root() data: FollowUpDataEntity, @Ctx() ctx: Context): Promise<WeightRange | null> {
    return (await ctx.services.catalogs.all()).weightRanges.find((c) => c.id === data.weightId) ?? null;
  }

  @FieldResolver()
  async content(@Root() data: FollowUpDataEntity, @Ctx() ctx: Context): Promise<CatalogItem | null> {
    return (await ctx.services.catalogs.all()).contentTypes.find((c) => c.id === data.contentId) ?? null;
  }

  @FieldResolver()
  accountSize(@Root() data: FollowUpDataEntity): AccountSizeValue | null {
    return (data.accountType as AccountSizeValue | null) ?? null;
  }
}
