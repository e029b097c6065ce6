import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { expectGlobalId } from "../../graphql/global-id";
import { PERMISSIONS } from "../auth/permission-keys";
import type { UserEntity } from "../auth/user.entity";
import { User } from "../auth/auth.types";
import type { UserPage } from "./user-admin.service";
import { CreateUserInput, PermissionInfo, ResetUserPasswordInput, SetUserPermissionsInput, UserConnection, UserFilter, UserIdInput } from "./user-admin.types";

/** Admin console: every field here is admin-only (permissions.ts). */
@Resolver()
export class UserAdminResolver {
  @Query(() => UserConnection, { description: "Admin: users by name, searchable" })
  users(
    @Ctx() ctx: Context,
    @Arg("filter", () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg("first", () => Int, { nullable: true, description: "1 to 100 (default 25)" }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<UserPage> {
    return ctx.services.userAdmin.list(filter, first, after);
  }

  @Query(() => [PermissionInfo], { description: "Admin: every permission key that exists" })
  permissionCatalog(): PermissionInfo[] {
    return PERMISSIONS.map((p) => ({ ...p }));
  }

  @Mutation(() => User, { description: "Admin: a new active user with a role and permission keys" })
  createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<UserEntity> {
    return ctx.services.userAdmin.create(input);
  }

  @Mutation(() => User, { description: "Admin: replaces a user's role and permission keys" })
  setUserPermissions(@Arg("input", () => SetUserPermissionsInput) input: SetUserPermissionsInput, @Ctx() ctx: Context): Promise<UserEntity> {
    return ctx.services.userAdmin.setPermissions(ctx.requireViewer(), expectGlobalId(input.userId, "User", "userId"), input.role ?? null, input.permissions);
  }

  @Mutation(() => User, { description: "Admin: the user can no longer sign in; sessions end and tokens are revoked at once" })
  deactivateUser(@Arg("input", () => UserIdInput) input: UserIdInput, @Ctx() ctx: Context): Promise<UserEntity> {
    return ctx.services.userAdmin.setActive(ctx.requireViewer(), expectGlobalId(input.userId, "User", "userId"), false);
  }

  @Mutation(() => User, { description: "Admin: the user can sign in again (revoked tokens stay revoked)" })
  reactivateUser(@Arg("input", () => UserIdInput) input: UserIdInput, @Ctx() ctx: Context): Promise<UserEntity> {
    return ctx.services.userAdmin.setActive(ctx.requireViewer(), expectGlobalId(input.userId, "User", "userId"), true);
  }

  @Mutation(() => User, { description: "Admin: sets a new password; the user's sessions end" })
  resetUserPassword(@Arg("input", () => ResetUserPasswordInput) input: ResetUserPasswordInput, @Ctx() ctx: Context): Promise<UserEntity> {
    return ctx.services.userAdmin.resetPassword(expectGlobalId(input.userId, "User", "userId"), input.password);
  }
}
