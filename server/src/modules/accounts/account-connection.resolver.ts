import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { AccountPage } from "./account.service";
import { AccountConnection } from "./account.types";

@Resolver(() => AccountConnection)
export class AccountConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: AccountPage): Promise<number> {
    return page.totalCount();
  }
}
