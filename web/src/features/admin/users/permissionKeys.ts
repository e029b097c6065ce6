import type { CrmRole } from "../../../__generated__/graphql";

/**
 * The permission keys an admin can grant, grouped as the server groups them
 * (server/src/modules/auth/permission-keys.ts). "crm" is the base access every CRM user needs.
 * The CRM role (SDR/MDR) is not among them: it is its own field (`role`).
 */
export const accessPermissionKeys = [
  "crm",
  "all-prospects",
  "crm-edit-salesman-prospect",
  "crm-partners",
  "crm-menu",
  "crm-manager",
  "admin",
] as const;

/** The CRM role decides visibility: SDRs see their own accounts, MDRs their companies'. */
export const crmRoles: readonly CrmRole[] = ["SDR", "MDR"];

export const salesRoleKeys = ["kae", "kae_ltl", "csr", "csr_ltl", "fullfilment", "wms", "ecartpay", "parapaquetes"] as const;

const roleKeys: ReadonlySet<string> = new Set(["sdr", "mdr"]);

/**
 * The non-role keys to save: the access keys and sales roles picked here, plus keys this page does
 * not know (so an older web never drops a newer permission).
 */
export function composePermissions(current: readonly string[], choice: { access: readonly string[]; salesRoles: readonly string[] }): string[] {
  const known = new Set<string>([...accessPermissionKeys, ...salesRoleKeys]);
  const unknown = current.filter((key) => !known.has(key) && !roleKeys.has(key));
  return [...choice.access, ...choice.salesRoles, ...unknown];
}
