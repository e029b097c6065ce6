import type { Viewer_UserFragment } from "../../__generated__/graphql";

/**
 * The permission keys the web checks to hide controls (server/src/modules/auth/permission-keys.ts).
 * Hiding is a courtesy: the server enforces every one of them.
 */
export type PermissionKey =
  | "crm"
  | "all-prospects"
  | "crm-edit-salesman-prospect"
  | "crm-partners"
  | "crm-menu"
  | "crm-manager"
  | "admin";

export function hasPermission(viewer: Pick<Viewer_UserFragment, "permissions"> | null, key: PermissionKey): boolean {
  return viewer?.permissions.includes(key) ?? false;
}
