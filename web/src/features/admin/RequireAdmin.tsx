import type { ReactNode } from "react";

import { useT } from "../../lib/i18n";
import { hasPermission } from "../auth/permissions";
import { useMe } from "../auth/useMe";
import { adminMessages } from "./messages";

/**
 * Renders the admin pages only for admins (the nav link is hidden for others; this covers typed or
 * shared URLs). The server denies the admin fields anyway.
 */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const t = useT(adminMessages);
  const { viewer } = useMe();
  if (!hasPermission(viewer, "admin")) {
    return (
      <p role="alert" className="form-error">
        {t.forbidden}
      </p>
    );
  }
  return children;
}
