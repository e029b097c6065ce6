import { createContext, useContext } from "react";

import { formattersFor, type Formatters } from "./format";

/** The languages of the app; es-MX first because most users are in Mexico. */
export const locales = ["es-MX", "en"] as const;

export type Locale = (typeof locales)[number];

/** One feature's strings in every locale. */
export type MessageBundle<T> = { readonly [L in Locale]: T };

/**
 * Declares a feature's strings (`features/<f>/messages.ts`). `en` fixes the shape; `es-MX` must
 * match it key for key (a missing or extra key is a compile error). Each feature owns its bundle,
 * so nobody edits one giant dictionary.
 *
 * @example
 * export const notesMessages = defineMessages({
 *   en: { title: "Notes", count: (n: number) => `${n} notes` },
 *   "es-MX": { title: "Notas", count: (n) => `${n} notas` },
 * });
 * // in a component: const t = useT(notesMessages); t.count(3)
 */
export function defineMessages<T extends object>(bundle: {
  readonly en: T;
  readonly "es-MX": NoInfer<T>;
}): MessageBundle<T> {
  return bundle;
}

/** Where the user's choice of language is remembered between visits. */
export const localeStorageKey = "crm.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** es-MX for any Spanish browser language, English otherwise. */
export function resolveLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith("es") ? "es-MX" : "en";
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(localeStorageKey);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be disabled (privacy mode); the browser language still decides.
    return null;
  }
}

/** Remembers the user's language; failures (storage disabled or full) only lose the preference. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(localeStorageKey, locale);
  } catch {
    // Nothing to do: the choice still holds for this visit.
  }
}

/** The stored choice, else the browser's preferred language. */
export function detectLocale(): Locale {
  if (typeof window === "undefined") {
    return "en";
  }
  return readStoredLocale() ?? resolveLocale(window.navigator.language);
}

export interface I18nContextValue {
  readonly locale: Locale;
  /** Switches the language and remembers it. */
  readonly setLocale: (locale: Locale) => void;
  /** Intl formatters for the current locale (dates, numbers, MXN). */
  readonly format: Formatters;
}

export const I18nContext = createContext<I18nContextValue>({
  locale: "en",
  setLocale: () => undefined,
  format: formattersFor("en"),
});

/** The current locale, its switcher and its formatters. */
export function useI18n(): I18nContextValue {
  return useContext(I18nContext);
}

/** A feature's strings in the current locale. */
export function useT<T>(bundle: MessageBundle<T>): T {
  return bundle[useI18n().locale];
}
