import { Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import { CrmRole } from "../users/user-admin.types";
import { User } from "./auth.types";
import type { UserEntity } from "./user.entity";

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => ID)
  id(@Root() user: UserEntity): string {
    return toGlobalId("User", user.id);
  }

  @FieldResolver(() => Int)
  legacyId(@Root() user: UserEntity): number {
    return user.id;
  }

  @FieldResolver(() => CrmRole, { nullable: true, description: "SDR or MDR (from the permission keys); null without a CRM role" })
  async role(@Root() user: UserEntity, @Ctx() ctx: Context): Promise<CrmRole | null> {
    const keys = (await ctx.loaders.permissionKeysByUserId.load(user.id)).map((row) => row.key);
    return keys.includes(CrmRole.MDR) ? CrmRole.MDR : keys.includes(CrmRole.SDR) ? CrmRole.SDR : null;
  }

  @FieldResolver(() => [String])
  async permissions(@Root() user: UserEntity, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.permissionKeysByUserId.load(user.id)).map((row) => row.key);
  }
}
