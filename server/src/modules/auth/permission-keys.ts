import type { PermissionKind } from "./permission.entity";

/** Every permission the CRM knows, with the legacy ids integrators still use. */
export const PERMISSIONS: ReadonlyArray<{ key: string; legacyId: number | null; kind: PermissionKind; description: string }> = [
  { key: "crm", legacyId: 319, kind: "access", description: "Base CRM access: required for every CRM field" },
  { key: "all-prospects", legacyId: null, kind: "access", description: "See all prospects; salesman, sales-role and date-range filters" },
  { key: "crm-edit-salesman-prospect", legacyId: null, kind: "access", description: "Change the assigned salesman of an account" },
  { key: "crm-partners", legacyId: null, kind: "access", description: "Partner prospect data (read and write)" },
  { key: "crm-menu", legacyId: null, kind: "access", description: "Locations (read and write)" },
  { key: "crm-manager", legacyId: 147, kind: "access", description: "Manager: sees all records whatever the role" },
  { key: "admin", legacyId: null, kind: "access", description: "Users, permissions, other users' API tokens, the playground" },
  { key: "sdr", legacyId: null, kind: "role", description: "SDR: sees the accounts they created or are assigned to" },
  { key: "mdr", legacyId: null, kind: "role", description: "MDR: sees client accounts of their companies plus their own" },
  { key: "kae", legacyId: null, kind: "sales_role", description: "Key Account Executive" },
  { key: "kae_ltl", legacyId: null, kind: "sales_role", description: "KAE for Less-Than-Truckload" },
  { key: "csr", legacyId: null, kind: "sales_role", description: "Customer Service Representative" },
  { key: "csr_ltl", legacyId: null, kind: "sales_role", description: "CSR for LTL" },
  { key: "fullfilment", legacyId: null, kind: "sales_role", description: "Fulfillment specialist" },
  { key: "wms", legacyId: null, kind: "sales_role", description: "Warehouse Management" },
  { key: "ecartpay", legacyId: null, kind: "sales_role", description: "Ecartpay platform specialist" },
  { key: "parapaquetes", legacyId: null, kind: "sales_role", description: "Parapaquetes service specialist" },
];
