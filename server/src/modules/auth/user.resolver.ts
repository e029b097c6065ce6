import { Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
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

  @FieldResolver(() => [String])
  async permissions(@Root() user: UserEntity, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.permissionKeysByUserId.load(user.id)).map((row) => row.key);
  }
}
