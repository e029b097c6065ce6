import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { LoginInput, User } from "./auth.types";
import type { UserEntity } from "./user.entity";

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user, or null" })
  me(@Ctx() ctx: Context): Promise<UserEntity | null> | null {
    return ctx.viewer ? ctx.loaders.usersById.load(ctx.viewer.id) : null;
  }

  @Mutation(() => User, { description: "Signs in and sets the httpOnly session cookie" })
  async login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<UserEntity> {
    const session = await ctx.services.auth.login(input.email, input.password, ctx.clientIp);
    ctx.cookies.set(session.token, session.expiresAt);
    // The rest of this request (the selected User fields and their rules) sees the new session.
    ctx.viewer = await ctx.services.auth.viewerForSession(session.token);
    return session.user;
  }

  @Mutation(() => Boolean, { description: "Ends the session of this browser" })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const token = ctx.cookies.read();
    if (token) {
      await ctx.services.auth.logout(token);
    }
    ctx.cookies.clear();
    return true;
  }
}
