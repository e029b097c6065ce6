import { toGlobalId } from "../../graphql/global-id";
import { contactBody, contactIdentifier, splitName, toE164, type ProspectForSync } from "./respondio-contact";

const prospect = (overrides: Partial<ProspectForSync> = {}): ProspectForSync => ({
  id: 42,
  name: "Ana María Pérez",
  companyName: "Mudanzas Martínez",
  email: "ana@martinez.example",
  phoneCode: "52",
  phone: "5512345678",
  localePhoneCode: "52",
  localePhoneDigits: 10,
  salesmanEmail: "kae@crm.example",
  ...overrides,
});

describe("toE164", () => {
  it.each([
    ["a Mexican 10-digit number with code 52", "52", "5512345678", 10, "+525512345678"],
    ["spaces, dashes, dots and brackets", "52", "(55) 1234-56.78", 10, "+525512345678"],
    ["a code written with its plus", "+52", "55 1234 5678", 10, "+525512345678"],
    ["Mexico's retired mobile 1 after 52", "52", "1 55 1234 5678", 10, "+525512345678"],
    ["the country code repeated in the number", "52", "52 55 1234 5678", 10, "+525512345678"],
    ["a 00 international prefix in the number", "52", "0052 55 1234 5678", 10, "+525512345678"],
    ["a number typed as international", "52", "+1 (415) 555-0100", 10, "+14155550100"],
    ["Guatemala's 8-digit numbers", "502", "2345-6789", 8, "+50223456789"],
    ["the US", "1", "415 555 0100", 10, "+14155550100"],
  ])("should build E.164 from %s", (_case, code, number, digits, expected) => {
    expect(toE164(code, number, digits)).toBe(expected);
  });

  it.each([
    ["no number", "52", null],
    ["a number without digits", "52", "n/a"],
    ["no calling code", null, "5512345678"],
    ["too few digits", "52", "123"],
    ["more than 15 digits", "52", "1234567890123456"],
  ])("should give null for %s", (_case, code, number) => {
    expect(toE164(code, number)).toBeNull();
  });
});

describe("contactIdentifier", () => {
  it("should address the contact by phone in E.164 with the + URL-encoded", () => {
    expect(contactIdentifier(prospect())).toBe("phone:%2B525512345678");
  });

  it("should use the locale's calling code when the row has none", () => {
    expect(contactIdentifier(prospect({ phoneCode: null, localePhoneCode: "57", phone: "3001234567" }))).toBe("phone:%2B573001234567");
  });

  it("should fall back to the email, URL-encoded, when there is no usable phone", () => {
    expect(contactIdentifier(prospect({ phone: null }))).toBe("email:ana%40martinez.example");
    expect(contactIdentifier(prospect({ phone: "12" }))).toBe("email:ana%40martinez.example");
  });

  it("should give null when there is neither", () => {
    expect(contactIdentifier(prospect({ phone: null, email: null }))).toBeNull();
  });
});

describe("splitName", () => {
  it("should take the first word as first name and the rest as last name", () => {
    expect(splitName("  Ana   María Pérez ")).toEqual({ firstName: "Ana", lastName: "María Pérez" });
    expect(splitName("Cher")).toEqual({ firstName: "Cher" });
  });
});

describe("contactBody", () => {
  it("should send names, email, E.164 phone and the CRM custom fields", () => {
    expect(contactBody(prospect(), "https://crm.example.com/app")).toEqual({
      firstName: "Ana",
      lastName: "María Pérez",
      email: "ana@martinez.example",
      phone: "+525512345678",
      custom_fields: [
        { name: "company", value: "Mudanzas Martínez" },
        { name: "crm_account_id", value: "42" },
        { name: "crm_url", value: `https://crm.example.com/app?account=${toGlobalId("Account", 42)}` },
      ],
    });
  });

  it("should leave out what the prospect lacks, and the link without CRM_PUBLIC_URL", () => {
    const body = contactBody(prospect({ name: "Cher", email: null }));
    expect(body).toEqual({
      firstName: "Cher",
      phone: "+525512345678",
      custom_fields: [
        { name: "company", value: "Mudanzas Martínez" },
        { name: "crm_account_id", value: "42" },
      ],
    });
  });
});
