import { defineMessages } from "../../lib/i18n";

export const accountsMessages = defineMessages({
  en: {
    title: "Accounts",
    search: "Search",
    searchPlaceholder: "Name, company, email or phone",
    empty: "No accounts match.",
    loadMore: "Load more",
    loadingMore: "Loading…",
    shown: (shown: string, total: string) => `Showing ${shown} of ${total}`,
    columns: {
      name: "Name",
      companyName: "Company",
      type: "Type",
      status: "Status",
      followUpStatus: "Follow-up",
      salesman: "Executive",
      createdAt: "Created",
    },
    types: { PROSPECT: "Prospect", CLIENT: "Client", PARTNER_PROSPECT: "Partner prospect" },
    statuses: { REMOVED: "Removed", IN_PROCESS: "In process", REGISTERED: "Registered" },
  },
  "es-MX": {
    title: "Cuentas",
    search: "Buscar",
    searchPlaceholder: "Nombre, empresa, correo o teléfono",
    empty: "Ninguna cuenta coincide.",
    loadMore: "Cargar más",
    loadingMore: "Cargando…",
    shown: (shown, total) => `Mostrando ${shown} de ${total}`,
    columns: {
      name: "Nombre",
      companyName: "Empresa",
      type: "Tipo",
      status: "Estatus",
      followUpStatus: "Seguimiento",
      salesman: "Ejecutivo",
      createdAt: "Creado",
    },
    types: { PROSPECT: "Prospecto", CLIENT: "Cliente", PARTNER_PROSPECT: "Prospecto de socio" },
    statuses: { REMOVED: "Eliminado", IN_PROCESS: "En proceso", REGISTERED: "Registrado" },
  },
});
