import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";
import type { CompanyEntity } from "./company.entity";
import { Company } from "./company.types";

@Resolver(() => Company)
export class CompanyResolver {
  @FieldResolver(() => ID)
  id(@Root() company: CompanyEntity): string {
    return toGlobalId("Company", company.id);
  }

  @FieldResolver(() => User, { nullable: true, description: "The executive the company is assigned to" })
  assignedExecutive(@Root() company: CompanyEntity, @Ctx() ctx: Context): Promise<UserEntity | null> | null {
    return company.assignedExecutiveId === null ? null : ctx.loaders.usersById.load(company.assignedExecutiveId);
  }
}
