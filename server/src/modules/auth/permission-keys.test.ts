import { SalesRole } from "../accounts/account.inputs";
import { PERMISSIONS } from "./permission-keys";

describe("PERMISSIONS", () => {
  it("should keep the legacy ids 319 (crm) and 147 (crm-manager)", () => {
    expect(PERMISSIONS.find((p) => p.legacyId === 319)?.key).toBe("crm");
    expect(PERMISSIONS.find((p) => p.legacyId === 147)?.key).toBe("crm-manager");
  });

  it("should list exactly the sales roles the SalesRole filter offers", () => {
    const salesRoles = PERMISSIONS.filter((p) => p.kind === "sales_role").map((p) => p.key);
    expect(salesRoles.sort()).toEqual(Object.values(SalesRole).sort());
  });

  it("should have unique keys", () => {
    expect(new Set(PERMISSIONS.map((p) => p.key)).size).toBe(PERMISSIONS.length);
  });
});
