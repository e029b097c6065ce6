import { columnForHeader, importTemplateCsv, IMPORT_COLUMN_KEYS, mapHeaders, normalizeHeader, rowData } from "./import-columns";

describe("normalizeHeader", () => {
  it.each([
    ["Código_de País", "codigo de pais"],
    ["  E-MAIL ", "e mail"],
    ["company_name", "company name"],
    ["\uFEFFNombre", "nombre"],
    ["Razón  Social.", "razon social"],
  ])("should fold %j to %j", (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe("columnForHeader", () => {
  it.each([
    ["Nombre", "name"],
    ["Empresa", "company_name"],
    ["Correo electrónico", "email"],
    ["Teléfono", "phone"],
    ["Celular", "phone"],
    ["Código de país", "phone_code"],
    ["País", "country"],
    ["Estatus", "follow_up_status"],
    ["Envíos mensuales", "monthly_shipments"],
    ["Fuente", "channel"],
    ["PHONE_CODE", "phone_code"],
  ])("should map %j to %s", (header, key) => {
    expect(columnForHeader(header)).toBe(key);
  });

  it("should map nothing for unknown headers", () => {
    expect(columnForHeader("Notas")).toBeNull();
  });
});

describe("mapHeaders and rowData", () => {
  it("should keep the first of two headers for one column, list unknown ones and name missing required ones", () => {
    const mapping = mapHeaders(["Correo", "Notas", "correo electronico", ""]);
    expect(mapping).toEqual({ columns: ["email", null, null, null], unmapped: ["Notas"], missingRequired: ["name", "company_name"], repeated: ["correo electronico"] });
  });

  it("should trim cells, drop empty and unmapped ones, and undo the export's formula quote", () => {
    const mapping = mapHeaders(["name", "x", "company_name", "email"]);
    expect(rowData(mapping, [" '=Ana ", "ignored", "", "ana@x.mx"])).toEqual({ name: "=Ana", email: "ana@x.mx" });
  });
});

describe("importTemplateCsv", () => {
  it("should start with a BOM and the canonical headers, and map back onto every column", () => {
    const [header, example] = importTemplateCsv().split("\r\n");
    expect(header).toBe(`\uFEFF${IMPORT_COLUMN_KEYS.join(",")}`);
    expect(mapHeaders(header!.split(",")).columns).toEqual([...IMPORT_COLUMN_KEYS]);
    expect(example).toContain("Logística del Bajío");
  });
});
