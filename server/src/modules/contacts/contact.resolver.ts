import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { toGlobalId } from "../../graphql/global-id";
import { toPhone, type Phone } from "../accounts/phone.types";
import type { ContactEntity } from "./contact.entity";
import { AddContactInput, RemoveContactInput, UpdateContactInput } from "./contact.inputs";
import { Contact } from "./contact.types";

@Resolver(() => Contact)
export class ContactResolver {
  @Mutation(() => Contact, { description: "Adds a contact to an account in the viewer's scope" })
  addContact(@Arg("input", () => AddContactInput) input: AddContactInput, @Ctx() ctx: Context): Promise<ContactEntity> {
    return ctx.services.contacts.add(ctx.requireViewer(), input);
  }

  @Mutation(() => Contact)
  updateContact(@Arg("input", () => UpdateContactInput) input: UpdateContactInput, @Ctx() ctx: Context): Promise<ContactEntity> {
    return ctx.services.contacts.update(ctx.requireViewer(), input);
  }

  @Mutation(() => Contact, { description: "Removes a contact (soft delete); returns the removed contact" })
  removeContact(@Arg("input", () => RemoveContactInput) input: RemoveContactInput, @Ctx() ctx: Context): Promise<ContactEntity> {
    return ctx.services.contacts.remove(ctx.requireViewer(), input);
  }

  @FieldResolver(() => ID)
  id(@Root() contact: ContactEntity): string {
    return toGlobalId("Contact", contact.id);
  }

  @FieldResolver()
  phone(@Root() contact: ContactEntity): Phone | null {
    return toPhone(contact.phoneCode, contact.phone);
  }
}
