import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import type { CompanyEntity } from "./company.entity";
import type { CompanyPage } from "./company.service";
import { Company, CompanyConnection } from "./company.types";

@Resolver(() => Company)
export class CompanyResolver {
  @Query(() => CompanyConnection, {
    description: "Companies on the platform by name, for converting a prospect into a client of an existing company",
  })
  companies(
    @Ctx() ctx: Context,
    @Arg("search", () => String, { nullable: true, description: "Prefix of the name or the tax id (RFC), case-insensitive" }) search?: string,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<CompanyPage> {
    ctx.requireViewer();
    return ctx.services.companies.search({ search, first, after });
  }

  @FieldResolver(() => ID)
  id(@Root() company: CompanyEntity): string {
    return toGlobalId("Company", company.id);
  }

  @FieldResolver(() => User, { nullable: true, description: "The executive the company is assigned to" })
  assignedExecutive(@Root() company: CompanyEntity, @Ctx() ctx: Context): Promise<UserEntity | null> | null {
    return company.assignedExecutiveId === null ? null : ctx.loaders.usersById.load(company.assignedExecutiveId);
  }
}

@Resolver(() => CompanyConnection)
export class CompanyConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: CompanyPage): Promise<number> {
    return page.totalCount();
  }
}
