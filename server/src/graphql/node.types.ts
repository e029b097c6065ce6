import { Field, ID, InterfaceType } from "type-graphql";
import { AccountEntity } from "../modules/accounts/account.entity";
import { UserEntity } from "../modules/auth/user.entity";

const ACCOUNT_TYPE_NAMES = { 1: "Prospect", 2: "Client", 3: "PartnerProspect" } as const;

/** Relay's Node: anything fetchable by its opaque global id through `node(id)`. */
@InterfaceType({
  description: "An object with an opaque global id",
  resolveType: (value: unknown) => {
    if (value instanceof AccountEntity) {
      return ACCOUNT_TYPE_NAMES[value.type];
    }
    if (value instanceof UserEntity) {
      return "User";
    }
    return undefined;
  },
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
