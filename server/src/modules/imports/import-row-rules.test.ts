import type { Catalogs } from "../catalogs/catalog.types";
import { CatalogLookup, checkImportRow, InFileDuplicates } from "./import-row-rules";

const status = (id: number, name: string) => ({ id, name, color: "#000000", position: id, outcome: null, group: null });
const catalogs: Catalogs = {
  statusGroups: [],
  followUpStatuses: [status(10, "Nuevo lead"), status(11, "Negociación")],
  locales: [
    { id: 1, code: "MX", name: "México", phoneCode: "52", phoneDigits: 10, currency: "MXN" },
    { id: 2, code: "GT", name: "Guatemala", phoneCode: "502", phoneDigits: 8, currency: "GTQ" },
  ],
  ecommerceTypes: [],
  weightRanges: [],
  contentTypes: [],
  monthlyShipmentRanges: [
    { id: 5, name: "1–50", minShipments: 1, maxShipments: 50 },
    { id: 6, name: "51–200", minShipments: 51, maxShipments: 200 },
    { id: 7, name: "5,000+", minShipments: 5001, maxShipments: null },
  ],
  channels: [
    { id: 1, key: "website", name: "Sitio web" },
    { id: 2, key: "csv_import", name: "Importación CSV" },
  ],
  accountSizes: [],
};
const lookup = new CatalogLookup(catalogs);
const base = { name: "Ana", company_name: "Acme", email: "ana@acme.mx" };

describe("checkImportRow", () => {
  it("should apply createProspect's defaults: first locale, first status, the csv_import channel", () => {
    expect(checkImportRow(base, lookup).value).toMatchObject({ localeId: 1, followUpStatusId: 10, channel: "csv_import", email: "ana@acme.mx" });
  });

  it("should read catalog names as people write them", () => {
    const row = { ...base, country: "guatemala", phone: "5555-1234", follow_up_status: "NEGOCIACION", monthly_shipments: "51-200", channel: "sitio web" };
    expect(checkImportRow(row, lookup).value).toMatchObject({ localeId: 2, phoneCode: "502", phone: "55551234", followUpStatusId: 11, monthlyShipmentId: 6, channel: "website" });
  });

  it("should place a count of shipments in its range", () => {
    expect(checkImportRow({ ...base, monthly_shipments: "150" }, lookup).value?.monthlyShipmentId).toBe(6);
    expect(checkImportRow({ ...base, monthly_shipments: "12,000" }, lookup).value?.monthlyShipmentId).toBe(7);
  });

  it("should use the commit's status only for rows naming none", () => {
    expect(checkImportRow(base, lookup, 11).value?.followUpStatusId).toBe(11);
    expect(checkImportRow({ ...base, follow_up_status: "Nuevo lead" }, lookup, 11).value?.followUpStatusId).toBe(10);
  });

  it("should name each problem once, by the file's column", () => {
    expect(checkImportRow({ name: "Ana", country: "Narnia", phone: "123" }, lookup).errors).toEqual([
      { column: "country", message: '"Narnia" is not a country (use an ISO code such as MX or a name such as México)' },
      { column: "company_name", message: "is required" },
      { column: "phone_code", message: "is required with a phone number" },
    ]);
    expect(checkImportRow({ ...base, phone: "123" }, lookup).errors).toEqual([{ column: "phone", message: "must have 10 digits for +52" }]);
    expect(checkImportRow({ ...base, channel: "fax" }, lookup).errors).toEqual([{ column: "channel", message: '"fax" is not a channel' }]);
  });
});

describe("InFileDuplicates", () => {
  it("should report the earliest row a value repeats, on the columns it shares", () => {
    const seen = new InFileDuplicates();
    const value = (email: string | null, phone: string | null, companyName: string) => checkImportRow({ name: "X", company_name: companyName, ...(email ? { email } : {}), ...(phone ? { phone } : {}) }, lookup).value!;
    expect(seen.check(2, value("a@x.mx", null, "Alfa"))).toBeNull();
    expect(seen.check(3, value("b@x.mx", "5512345678", "Beta"))).toBeNull();
    expect(seen.check(4, value("A@X.MX", "55 1234 5678", "Gama"))).toEqual({ rowNumber: 2, columns: ["email"] });
    expect(seen.check(5, value("c@x.mx", null, "ÁLFA"))).toEqual({ rowNumber: 2, columns: ["company_name"] });
    expect(seen.check(6, value("d@x.mx", "(55) 1234-5678", "Delta"))).toEqual({ rowNumber: 3, columns: ["phone"] });
  });
});
