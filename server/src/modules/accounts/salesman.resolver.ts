import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { User } from "../auth/auth.types";
import type { UserEntity } from "../auth/user.entity";

@Resolver()
export class SalesmanResolver {
  @Query(() => [User], { description: "Active CRM users, by name: who an account can be assigned to or filtered by" })
  salesmen(@Ctx() ctx: Context): Promise<UserEntity[]> {
    ctx.requireViewer();
    return ctx.services.accountWrites.salesmen();
  }
}
