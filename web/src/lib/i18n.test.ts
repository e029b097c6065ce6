import { resolveLocale } from "./i18n";

describe("resolveLocale", () => {
  it.each(["es", "es-MX", "es-ES", "ES-mx"])("should choose es-MX when the browser language is %s", (language) => {
    expect(resolveLocale(language)).toBe("es-MX");
  });

  it.each(["en-US", "fr", "pt-BR", "", undefined])("should fall back to en when the browser language is %s", (language) => {
    expect(resolveLocale(language)).toBe("en");
  });
});
