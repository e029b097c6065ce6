import { mapHeaders } from "../imports/import-columns";
import { ACCOUNT_COLUMNS } from "../preferences/table-columns";
import { exportCells, exportHeaders, exportNeeds, type ExportRecord } from "./account-export.columns";
import type { Catalogs } from "../catalogs/catalog.types";
import type { AccountEntity } from "../accounts/account.entity";

const catalogs = {
  locales: [{ id: 1, code: "MX", name: "México", phoneCode: "52", phoneDigits: 10, currency: "MXN" }],
  followUpStatuses: [{ id: 10, name: "Nuevo lead", color: "#000000", position: 1, outcome: null, group: null }],
  ecommerceTypes: [{ id: 3, key: "shopify", name: "Shopify" }],
} as unknown as Catalogs;

const account = {
  id: 1,
  name: "Ana Pérez",
  companyName: "Abarrotes Ñandú",
  email: "ana@abarrotes.mx",
  phoneCode: "52",
  phone: "3311112222",
  type: 1,
  followUpId: 10,
  localeId: 1,
  createdAt: new Date("2026-11-01T10:00:00.000Z"),
  updatedAt: new Date("2026-11-02T10:00:00.000Z"),
} as AccountEntity;

describe("export columns", () => {
  it("should write headers the import maps back for every importable column, and unmapped ones for the rest", () => {
    const headers = exportHeaders(ACCOUNT_COLUMNS);
    const mapping = mapHeaders(headers);
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.repeated).toEqual([]);
    expect(mapping.columns.filter((c) => c !== null)).toEqual(["name", "company_name", "email", "phone_code", "phone", "follow_up_status", "country", "channel"]);
    // The follow-up shipment count must not be read as the import's monthly shipment range.
    expect(headers).not.toContain("monthly_shipments");
    expect(new Set(headers).size).toBe(headers.length);
  });

  it("should write one cell per header with plain machine-readable values and empty cells for missing data", () => {
    const record: ExportRecord = { account, followUp: null, salesman: null, creator: null, activity: null };
    const cells = exportCells(ACCOUNT_COLUMNS, record, catalogs);
    expect(cells).toHaveLength(exportHeaders(ACCOUNT_COLUMNS).length);
    const byHeader = Object.fromEntries(exportHeaders(ACCOUNT_COLUMNS).map((h, i) => [h, cells[i]]));
    expect(byHeader).toMatchObject({
      name: "Ana Pérez",
      phone_code: "52",
      phone: "3311112222",
      type: "PROSPECT",
      follow_up_status: "Nuevo lead",
      country: "MX",
      channel: "",
      salesman_email: "",
      created_at: "2026-11-01T10:00:00.000Z",
    });
  });

  it("should load only what the chosen columns need", () => {
    expect([...exportNeeds(["name", "phone", "followUpStatus"])]).toEqual([]);
    expect([...exportNeeds(["salesman", "accountValue", "lastActivityAt"])].sort()).toEqual(["activity", "followUp", "users"]);
  });
});
