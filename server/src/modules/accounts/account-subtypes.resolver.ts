import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import type { PartnerDataEntity } from "../partners/partner-data.entity";
import type { AccountEntity } from "./account.entity";
import { Client, PartnerProspect } from "./account.types";
import type { CompanyEntity } from "./company.entity";

@Resolver(() => PartnerProspect)
export class PartnerProspectResolver {
  @FieldResolver()
  partnerData(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<PartnerDataEntity | null> {
    return ctx.loaders.partnerDataByProspectId.load(account.id);
  }
}

@Resolver(() => Client)
export class ClientResolver {
  @FieldResolver()
  async company(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<CompanyEntity> {
    const company = account.companyId === null ? null : await ctx.loaders.companiesById.load(account.companyId);
    if (!company) {
      throw new NotFoundError("Company of account", account.id);
    }
    return company;
  }
}
