import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import type { PartnerDataEntity } from "../partners/partner-data.entity";
import { loadAccountFact } from "./account-facts.loaders";
import type { AccountEntity } from "./account.entity";
import { Client, PartnerProspect } from "./account.types";
import type { CompanyEntity } from "./company.entity";

@Resolver(() => PartnerProspect)
export class PartnerProspectResolver {
  @FieldResolver()
  partnerData(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<PartnerDataEntity | null> {
    return loadAccountFact(ctx.loaders, account, "partnerData");
  }
}

@Resolver(() => Client)
export class ClientResolver {
  @FieldResolver()
  async company(@Root() account: AccountEntity, @Ctx() ctx: Context): Promise<CompanyEntity> {
    const company = account.companyId === null ? null : await loadAccountFact(ctx.loaders, account, "company");
    if (!company) {
      throw new NotFoundError("Company of account", account.id);
    }
    return company;
  }
}
