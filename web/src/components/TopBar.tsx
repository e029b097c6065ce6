import { NavLink } from "react-router";

import { authMessages } from "../features/auth/messages";
import { hasPermission } from "../features/auth/permissions";
import { useLogout } from "../features/auth/useLogout";
import { useMe } from "../features/auth/useMe";
import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";
import { useErrorMessage } from "../lib/useErrorMessage";
import { LanguageSwitch } from "./LanguageSwitch";

/** App name, navigation (Admin only for admins), the viewer's name, the language switch and the sign-out button. */
export function TopBar() {
  const common = useT(commonMessages);
  const messages = useT(authMessages);
  const toMessage = useErrorMessage();
  const { viewer } = useMe();
  const { logout, loading, error } = useLogout();
  return (
    <header className="top-bar">
      <strong className="top-bar__brand">{common.appName}</strong>
      <nav aria-label={common.nav.label} className="top-bar__nav">
        <NavLink to="/" end>
          {common.nav.crm}
        </NavLink>
        {hasPermission(viewer, "admin") ? <NavLink to="/admin">{common.nav.admin}</NavLink> : null}
      </nav>
      {error ? <span role="alert" className="form-error">{toMessage(error)}</span> : null}
      {viewer ? <span className="top-bar__viewer">{viewer.name}</span> : null}
      <LanguageSwitch />
      <button
        type="button"
        disabled={loading}
        onClick={() => {
          // A failure stays visible through `error`; the session is kept until the server ends it.
          logout().catch(() => undefined);
        }}
      >
        {loading ? messages.loggingOut : messages.logout}
      </button>
    </header>
  );
}
