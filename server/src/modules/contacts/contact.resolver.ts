import { FieldResolver, ID, Resolver, Root } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id";
import { toPhone, type Phone } from "../accounts/phone.types";
import type { ContactEntity } from "./contact.entity";
import { Contact } from "./contact.types";

@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => ID)
  id(@Root() contact: ContactEntity): string {
    return toGlobalId("Contact", contact.id);
  }

  @FieldResolver()
  phone(@Root() contact: ContactEntity): Phone | null {
    return toPhone(contact.phoneCode, contact.phone);
  }
}
