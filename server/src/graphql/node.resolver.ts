import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { AccountEntity } from "../modules/accounts/account.entity";
import type { UserEntity } from "../modules/auth/user.entity";
import type { Context } from "./context";
import { NotFoundError, UserInputError } from "./errors";
import { fromGlobalId } from "./global-id";
import { Node } from "./node.types";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { description: "Any object by its opaque global id; NOT_FOUND outside the viewer's scope" })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<AccountEntity | UserEntity> {
    const viewer = ctx.requireViewer();
    const { kind, id: numericId } = fromGlobalId(id);
    switch (kind) {
      case "Account":
        return ctx.services.accounts.get(viewer, numericId);
      case "User": {
        const user = await ctx.loaders.usersById.load(numericId);
        if (!user) {
          throw new NotFoundError("User", id);
        }
        return user;
      }
      default:
        throw new UserInputError({ id: `node() does not resolve ${kind} ids` });
    }
  }
}
