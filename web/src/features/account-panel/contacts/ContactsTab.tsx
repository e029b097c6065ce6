import { useT } from "../../../lib/i18n";
import { useCatalogs } from "../../catalogs/useCatalogs";
import { EditableCardList } from "../EditableCardList";
import type { AccountKey } from "../notes/useAddNote";
import { ContactForm } from "./ContactForm";
import { toContactInput } from "./contactSchema";
import { contactsMessages } from "./messages";
import { useAccountContacts, useAddContact, useRemoveContact, useUpdateContact } from "./useContacts";

interface ContactsTabProps {
  readonly account: AccountKey & { readonly locale: { readonly phoneCode: string } };
}

/** Extra contacts: list, add, edit, remove. */
export function ContactsTab({ account }: ContactsTabProps) {
  const t = useT(contactsMessages);
  const { catalogs } = useCatalogs();
  const { contacts, loading, error } = useAccountContacts(account.id);
  const addContact = useAddContact(account);
  const updateContact = useUpdateContact();
  const removeContact = useRemoveContact();
  const locales = catalogs?.locales ?? [];

  return (
    <EditableCardList
      label={t.title}
      items={contacts}
      loading={loading}
      error={error}
      emptyText={t.empty}
      addLabel={t.add}
      editLabel={(contact) => t.edit(contact.name)}
      removeLabel={(contact) => t.remove(contact.name)}
      confirmRemove={(contact) => t.confirmRemove(contact.name)}
      removedText={t.removed}
      onRemove={(contact) => removeContact(contact.id)}
      renderForm={(contact, onDone) => (
        <ContactForm
          contact={contact}
          defaultPhoneCode={account.locale.phoneCode}
          locales={locales}
          onSubmit={(values) => (contact ? updateContact({ id: contact.id, ...toContactInput(values) }) : addContact(toContactInput(values)))}
          onDone={onDone}
        />
      )}
      renderCard={(contact) => (
        <>
          <strong>{contact.name}</strong>
          {contact.jobTitle ? <span> · {contact.jobTitle}</span> : null}
          <div>
            {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
            {contact.phone ? <span> · <a href={`tel:${contact.phone.e164}`}>+{contact.phone.code} {contact.phone.number}</a></span> : null}
          </div>
        </>
      )}
    />
  );
}
