import { hasPermission, type PermissionKey } from "./permissions";
import { useMe } from "./useMe";

/** Whether the signed-in user holds a permission (false while loading or signed out). */
export function useCan(key: PermissionKey): boolean {
  const { viewer } = useMe();
  return hasPermission(viewer, key);
}
