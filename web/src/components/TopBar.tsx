import { authMessages } from "../features/auth/messages";
import { useLogout } from "../features/auth/useLogout";
import { useMe } from "../features/auth/useMe";
import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";
import { useErrorMessage } from "../lib/useErrorMessage";
import { LanguageSwitch } from "./LanguageSwitch";

/** App name, the viewer's name, the language switch and the sign-out button. */
export function TopBar() {
  const common = useT(commonMessages);
  const messages = useT(authMessages);
  const toMessage = useErrorMessage();
  const { viewer } = useMe();
  const { logout, loading, error } = useLogout();
  return (
    <header className="top-bar">
      <strong className="top-bar__brand">{common.appName}</strong>
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
