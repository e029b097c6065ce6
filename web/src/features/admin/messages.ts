import { defineMessages } from "../../lib/i18n";

export const adminMessages = defineMessages({
  en: {
    title: "Administration",
    nav: { label: "Administration", users: "Users", tokens: "API tokens", jobs: "Background jobs", playground: "GraphQL playground" },
    forbidden: "Only administrators can open this page.",
  },
  "es-MX": {
    title: "Administración",
    nav: { label: "Administración", users: "Usuarios", tokens: "Tokens de API", jobs: "Tareas en segundo plano", playground: "Playground de GraphQL" },
    forbidden: "Solo los administradores pueden abrir esta página.",
  },
});
