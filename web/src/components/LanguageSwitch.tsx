import { locales, useI18n, useT, type Locale } from "../lib/i18n";
import { commonMessages } from "../lib/messages";

/** The language picker of the top bar; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  const messages = useT(commonMessages);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{messages.language}</span>
      <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {messages.languageNames[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
