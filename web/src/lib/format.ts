import type { Locale } from "./i18n";

/** Locale-aware formatting; every date, number and amount on screen goes through one of these. */
export interface Formatters {
  /** A calendar date (15 ene 2025 / Jan 15, 2025). Unparseable input is shown as given. */
  readonly date: (value: string | Date) => string;
  /** Date and time, short. */
  readonly dateTime: (value: string | Date) => string;
  readonly number: (value: number) => string;
  /** An amount in Mexican pesos. */
  readonly money: (value: number) => string;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function createFormatters(locale: Locale): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "MXN" });
  return Object.freeze({
    date: (value: string | Date) => {
      const parsed = toDate(value);
      return parsed ? date.format(parsed) : String(value);
    },
    dateTime: (value: string | Date) => {
      const parsed = toDate(value);
      return parsed ? dateTime.format(parsed) : String(value);
    },
    number: (value: number) => number.format(value),
    money: (value: number) => money.format(value),
  });
}

const cache = new Map<Locale, Formatters>();

/** The formatters of a locale; Intl objects are costly to build, so each locale builds them once. */
export function formattersFor(locale: Locale): Formatters {
  let formatters = cache.get(locale);
  if (!formatters) {
    formatters = createFormatters(locale);
    cache.set(locale, formatters);
  }
  return formatters;
}
