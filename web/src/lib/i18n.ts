import { createContext, useContext } from "react";

import type { ClientErrorCode } from "./errors";

export type Locale = "es-MX" | "en";

/** Every user-facing string of the shell. Add a key here and TypeScript asks for each locale. */
export interface Messages {
  /** BCP 47 tag for Intl formatting. */
  readonly locale: Locale;
  readonly appName: string;
  readonly loading: string;
  readonly retry: string;
  readonly login: {
    readonly title: string;
    readonly email: string;
    readonly password: string;
    readonly submit: string;
    readonly submitting: string;
    readonly invalidCredentials: string;
  };
  readonly topBar: {
    readonly logout: string;
    readonly loggingOut: string;
  };
  readonly accounts: {
    readonly title: string;
    readonly search: string;
    readonly searchPlaceholder: string;
    readonly empty: string;
    readonly loadMore: string;
    readonly loadingMore: string;
    readonly shown: (shown: number, total: number) => string;
    readonly columns: {
      readonly name: string;
      readonly companyName: string;
      readonly type: string;
      readonly status: string;
      readonly followUpStatus: string;
      readonly salesman: string;
      readonly createdAt: string;
    };
    readonly types: Readonly<Record<"PROSPECT" | "CLIENT" | "PARTNER_PROSPECT", string>>;
    readonly statuses: Readonly<Record<"REMOVED" | "IN_PROCESS" | "REGISTERED", string>>;
  };
  readonly errorBoundary: {
    readonly title: string;
    readonly reload: string;
  };
  readonly errors: Readonly<Record<ClientErrorCode, string>>;
}

const en: Messages = {
  locale: "en",
  appName: "CRM",
  loading: "Loading…",
  retry: "Try again",
  login: {
    title: "Sign in",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalidCredentials: "Wrong email or password.",
  },
  topBar: { logout: "Sign out", loggingOut: "Signing out…" },
  accounts: {
    title: "Accounts",
    search: "Search",
    searchPlaceholder: "Name, company, email or phone",
    empty: "No accounts match.",
    loadMore: "Load more",
    loadingMore: "Loading…",
    shown: (shown, total) => `Showing ${shown} of ${total}`,
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
  errorBoundary: { title: "Something went wrong.", reload: "Reload" },
  errors: {
    UNAUTHENTICATED: "Your session has ended. Please sign in again.",
    FORBIDDEN: "You do not have permission to do this.",
    NOT_FOUND: "We could not find what you were looking for.",
    BAD_USER_INPUT: "Some fields need your attention.",
    CONFLICT: "Someone else changed this record. Reload and try again.",
    INTEGRATION_FAILED: "An external service failed. Try again in a moment.",
    RATE_LIMITED: "Too many requests. Wait a moment and try again.",
    INTERNAL_SERVER_ERROR: "Something went wrong on our side. Try again.",
    NETWORK_ERROR: "Cannot reach the server. Check your connection.",
  },
};

const esMX: Messages = {
  locale: "es-MX",
  appName: "CRM",
  loading: "Cargando…",
  retry: "Reintentar",
  login: {
    title: "Iniciar sesión",
    email: "Correo electrónico",
    password: "Contraseña",
    submit: "Entrar",
    submitting: "Entrando…",
    invalidCredentials: "Correo o contraseña incorrectos.",
  },
  topBar: { logout: "Cerrar sesión", loggingOut: "Cerrando sesión…" },
  accounts: {
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
  errorBoundary: { title: "Algo salió mal.", reload: "Recargar" },
  errors: {
    UNAUTHENTICATED: "Tu sesión terminó. Vuelve a iniciar sesión.",
    FORBIDDEN: "No tienes permiso para hacer esto.",
    NOT_FOUND: "No encontramos lo que buscabas.",
    BAD_USER_INPUT: "Revisa los campos marcados.",
    CONFLICT: "Alguien más modificó este registro. Recarga e inténtalo de nuevo.",
    INTEGRATION_FAILED: "Falló un servicio externo. Inténtalo de nuevo en un momento.",
    RATE_LIMITED: "Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.",
    INTERNAL_SERVER_ERROR: "Algo salió mal de nuestro lado. Inténtalo de nuevo.",
    NETWORK_ERROR: "No se puede conectar con el servidor. Revisa tu conexión.",
  },
};

export const messagesByLocale: Readonly<Record<Locale, Messages>> = { "es-MX": esMX, en };

/** es-MX for any Spanish browser language, English otherwise. */
export function resolveLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith("es") ? "es-MX" : "en";
}

export function detectLocale(): Locale {
  return resolveLocale(typeof navigator === "undefined" ? undefined : navigator.language);
}

export const MessagesContext = createContext<Messages>(messagesByLocale[detectLocale()]);

/** The current locale's strings. */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
