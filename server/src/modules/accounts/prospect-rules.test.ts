import type { Catalogs } from "../catalogs/catalog.types";
import type { FollowUpStatus } from "../catalogs/catalog.types";
import { statusChangeNote } from "./account-pipeline.service";
import { validateProspectDraft } from "./prospect-rules";

const status = (id: number, name: string, outcome: string | null = null): FollowUpStatus => ({ id, name, color: "#000000", position: id, outcome, group: null });

const catalogs = {
  locales: [
    { id: 1, code: "MX", name: "México", phoneCode: "52", phoneDigits: 10, currency: "MXN" },
    { id: 2, code: "GT", name: "Guatemala", phoneCode: "502", phoneDigits: 8, currency: "GTQ" },
  ],
  followUpStatuses: [status(10, "Nuevo lead"), status(11, "Ganado", "won")],
  monthlyShipmentRanges: [{ id: 3, name: "1–50", minShipments: 1, maxShipments: 50 }],
  channels: [{ id: 1, key: "website", name: "Sitio web" }],
} as unknown as Catalogs;

describe("validateProspectDraft", () => {
  it("should normalise a valid draft and default the status to the first column and the phone code to the locale's", () => {
    const { value, errors } = validateProspectDraft({ name: " Ana ", companyName: "Abarrotes", email: " ANA@X.MX ", phone: "(33) 1234-5678", localeId: 1, channel: "website" }, catalogs);
    expect(errors).toEqual({});
    expect(value).toEqual({ name: "Ana", companyName: "Abarrotes", email: "ana@x.mx", phoneCode: "52", phone: "3312345678", localeId: 1, followUpStatusId: 10, monthlyShipmentId: null, channel: "website" });
  });

  it("should count digits per the phone code's country, not the chosen locale", () => {
    expect(validateProspectDraft({ name: "a", companyName: "b", phoneCode: "+502", phone: "1234 5678", localeId: 1 }, catalogs).errors).toEqual({});
    expect(validateProspectDraft({ name: "a", companyName: "b", phoneCode: "502", phone: "3312345678", localeId: 1 }, catalogs).errors).toEqual({ phone: "must have 8 digits for +502" });
  });

  it("should report every problem at once, keyed by field", () => {
    const { value, errors } = validateProspectDraft({ name: "", companyName: " ", email: "x@", localeId: 9, followUpStatusId: 99, monthlyShipmentId: 98, channel: "fax" }, catalogs);
    expect(value).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(["channel", "companyName", "email", "followUpStatusId", "localeId", "monthlyShipmentId", "name"]);
  });

  it("should require an email or a phone", () => {
    expect(validateProspectDraft({ name: "a", companyName: "b", localeId: 1 }, catalogs).errors).toEqual({ email: "an email or a phone number is required" });
  });
});

describe("statusChangeNote", () => {
  it("should name both statuses and who moved it", () => {
    expect(statusChangeNote(status(10, "Nuevo lead"), status(12, "Seguimiento"), "Ana")).toBe("Estado: Nuevo lead → Seguimiento (por Ana)");
  });

  it("should record the outcome of a won/lost status and a reopening", () => {
    expect(statusChangeNote(status(10, "Nuevo lead"), status(11, "Ganado", "won"), "Ana")).toBe("Estado: Nuevo lead → Ganado. Resultado: ganado (por Ana)");
    expect(statusChangeNote(status(13, "Perdido", "lost"), status(10, "Nuevo lead"), "Ana")).toBe("Estado: Perdido → Nuevo lead. Reabierto (por Ana)");
  });
});
