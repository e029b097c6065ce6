import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";

import { formattersFor } from "./format";
import { detectLocale, I18nContext, storeLocale, type I18nContextValue, type Locale } from "./i18n";

interface I18nProviderProps {
  /** Tests pin the locale; the app detects it (stored choice, else browser language). */
  readonly initialLocale?: Locale;
  readonly children: ReactNode;
}

/** Holds the current locale; switching re-renders every `useT`/`useI18n` reader. */
export function I18nProvider({ initialLocale, children }: I18nProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? detectLocale());
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    storeLocale(next);
  }, []);
  useEffect(() => {
    // Screen readers and the browser's own widgets (date inputs) follow the document language.
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, format: formattersFor(locale) }),
    [locale, setLocale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
