import { fireEvent, render, screen } from "@testing-library/react";

import { LanguageSwitch } from "../components/LanguageSwitch";
import { formattersFor } from "./format";
import { defineMessages, detectLocale, localeStorageKey, resolveLocale, useI18n, useT } from "./i18n";
import { I18nProvider } from "./I18nProvider";

describe("resolveLocale", () => {
  it.each(["es", "es-MX", "es-ES", "ES-mx"])("should choose es-MX when the browser language is %s", (language) => {
    expect(resolveLocale(language)).toBe("es-MX");
  });

  it.each(["en-US", "fr", "pt-BR", "", undefined])("should fall back to en when the browser language is %s", (language) => {
    expect(resolveLocale(language)).toBe("en");
  });
});

describe("detectLocale", () => {
  afterEach(() => window.localStorage.clear());

  it("should prefer the stored choice over the browser language when one was saved", () => {
    window.localStorage.setItem(localeStorageKey, "es-MX");
    expect(detectLocale()).toBe("es-MX");
  });

  it("should ignore a stored value that is not a locale", () => {
    window.localStorage.setItem(localeStorageKey, "klingon");
    // jsdom's navigator.language is en-US.
    expect(detectLocale()).toBe("en");
  });
});

const probeMessages = defineMessages({
  en: { greeting: "Hello", count: (n: string) => `${n} accounts` },
  "es-MX": { greeting: "Hola", count: (n) => `${n} cuentas` },
});

function Probe() {
  const t = useT(probeMessages);
  const { format } = useI18n();
  return (
    <p>
      {t.greeting} · {t.count(format.number(12345.5))} · {format.money(1500)}
    </p>
  );
}

describe("I18nProvider", () => {
  afterEach(() => window.localStorage.clear());

  it("should re-render strings and formats and remember the choice when the language is switched", () => {
    render(
      <I18nProvider initialLocale="en">
        <LanguageSwitch />
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText(/Hello/).textContent).toBe("Hello · 12,345.5 accounts · MX$1,500.00");
    expect(document.documentElement.lang).toBe("en");

    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "es-MX" } });

    expect(screen.getByText(/Hola/).textContent).toBe("Hola · 12,345.5 cuentas · $1,500.00");
    expect(screen.getByRole("combobox", { name: "Idioma" })).toBeTruthy();
    expect(window.localStorage.getItem(localeStorageKey)).toBe("es-MX");
    expect(document.documentElement.lang).toBe("es-MX");
  });
});

describe("formattersFor", () => {
  it("should format dates in the locale and show unparseable input as given", () => {
    expect(formattersFor("es-MX").date("2025-01-15T12:00:00.000Z")).toMatch(/15 ene 2025/);
    expect(formattersFor("en").date("2025-01-15T12:00:00.000Z")).toBe("Jan 15, 2025");
    expect(formattersFor("en").date("not a date")).toBe("not a date");
  });

  it("should reuse the formatters of a locale", () => {
    expect(formattersFor("en")).toBe(formattersFor("en"));
  });
});
