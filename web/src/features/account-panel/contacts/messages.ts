import { defineMessages } from "../../../lib/i18n";

export const contactsMessages = defineMessages({
  en: {
    title: "Contacts",
    empty: "No other contacts. The account's own name, email and phone are its primary contact.",
    add: "Add contact",
    edit: (name: string) => `Edit ${name}`,
    remove: (name: string) => `Remove ${name}`,
    confirmRemove: (name: string) => `Remove ${name} from this account?`,
    added: "Contact added.",
    updated: "Contact saved.",
    removed: "Contact removed.",
    formTitle: "Contact",
    jobTitle: "Job title",
  },
  "es-MX": {
    title: "Contactos",
    empty: "No hay otros contactos. El nombre, correo y teléfono de la cuenta son su contacto principal.",
    add: "Agregar contacto",
    edit: (name) => `Editar a ${name}`,
    remove: (name) => `Quitar a ${name}`,
    confirmRemove: (name) => `¿Quitar a ${name} de esta cuenta?`,
    added: "Contacto agregado.",
    updated: "Contacto guardado.",
    removed: "Contacto quitado.",
    formTitle: "Contacto",
    jobTitle: "Puesto",
  },
});
