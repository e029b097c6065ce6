import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { NotFoundError } from "../../graphql/errors";
import { expectGlobalId, toGlobalId } from "../../graphql/global-id";
import type { ApiTokenEntity } from "./api-token.entity";
import { ApiToken, CreateApiTokenInput, CreatedApiToken, RevokeApiTokenInput, type ApiTokenScope } from "./api-token.types";
import type { UserEntity } from "./user.entity";

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: "Your API tokens; admins: everyone's, or one user's with userId" })
  apiTokens(@Ctx() ctx: Context, @Arg("userId", () => ID, { nullable: true }) userId?: string | null): Promise<ApiTokenEntity[]> {
    return ctx.services.apiTokens.list(ctx.requireViewer(), userId ? expectGlobalId(userId, "User", "userId") : null);
  }

  @Mutation(() => CreatedApiToken, { description: "A token for integrations; the secret is returned this once" })
  async createApiToken(@Arg("input", () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<{ token: ApiTokenEntity; secret: string }> {
    return ctx.services.apiTokens.create(ctx.requireViewer(), input);
  }

  @Mutation(() => ApiToken, { description: "Revokes a token at once (your own; admins: anyone's)" })
  revokeApiToken(@Arg("input", () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: Context): Promise<ApiTokenEntity> {
    return ctx.services.apiTokens.revoke(ctx.requireViewer(), expectGlobalId(input.id, "ApiToken"));
  }

  @FieldResolver(() => ID)
  id(@Root() token: ApiTokenEntity): string {
    return toGlobalId("ApiToken", token.id);
  }

  @FieldResolver()
  scopes(@Root() token: ApiTokenEntity): ApiTokenScope[] {
    return token.scopes as ApiTokenScope[];
  }

  @FieldResolver()
  async user(@Root() token: ApiTokenEntity, @Ctx() ctx: Context): Promise<UserEntity> {
    const user = await ctx.loaders.usersById.load(token.userId);
    if (!user) {
      throw new NotFoundError("User", token.userId);
    }
    return user;
  }
}
