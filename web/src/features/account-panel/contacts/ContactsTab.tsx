import { useState } from "react";

import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { useCatalogs } from "../../catalogs/useCatalogs";
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
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { catalogs } = useCatalogs();
  const { contacts, loading, error } = useAccountContacts(account.id);
  const addContact = useAddContact(account);
  const updateContact = useUpdateContact();
  const removeContact = useRemoveContact();
  // "new" while adding, a contact id while editing that one.
  const [editing, setEditing] = useState<string | null>(null);
  const locales = catalogs?.locales ?? [];

  const form = (contactId: string | null) => (
    <ContactForm
      contact={contacts.find((contact) => contact.id === contactId) ?? null}
      defaultPhoneCode={account.locale.phoneCode}
      locales={locales}
      onSubmit={(values) =>
        contactId ? updateContact({ id: contactId, ...toContactInput(values) }) : addContact(toContactInput(values))
      }
      onDone={() => setEditing(null)}
    />
  );

  return (
    <section aria-label={t.title}>
      {error ? <p role="alert" className="form-error">{toMessage(error)}</p> : null}
      {loading ? <div className="skeleton skeleton--block" aria-busy="true" aria-label={common.loading} /> : null}
      {!loading && !error && contacts.length === 0 ? <p className="empty-state">{t.empty}</p> : null}
      <ul className="card-list">
        {contacts.map((contact) =>
          editing === contact.id ? (
            <li key={contact.id}>{form(contact.id)}</li>
          ) : (
            <li key={contact.id}>
              <strong>{contact.name}</strong>
              {contact.jobTitle ? <span> · {contact.jobTitle}</span> : null}
              <div>
                {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
                {contact.phone ? <span> · <a href={`tel:${contact.phone.e164}`}>+{contact.phone.code} {contact.phone.number}</a></span> : null}
              </div>
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(contact.id)}>
                  {t.edit(contact.name)}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t.confirmRemove(contact.name))) {
                      removeContact(contact.id).then(
                        () => toast.success(t.removed),
                        (reason: unknown) => toast.error(toMessage(reason)),
                      );
                    }
                  }}
                >
                  {t.remove(contact.name)}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === "new" ? (
        form(null)
      ) : (
        <button type="button" onClick={() => setEditing("new")}>
          {t.add}
        </button>
      )}
    </section>
  );
}
