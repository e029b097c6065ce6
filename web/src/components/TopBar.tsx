import { useLogout } from "../features/auth/useLogout";
import { useMe } from "../features/auth/useMe";
import { errorMessage } from "../lib/errors";
import { useMessages } from "../lib/i18n";

/** App name, the viewer's name and the sign-out button. */
export function TopBar() {
  const messages = useMessages();
  const { viewer } = useMe();
  const { logout, loading, error } = useLogout();
  return (
    <header className="top-bar">
      <strong className="top-bar__brand">{messages.appName}</strong>
      {error ? <span role="alert" className="form-error">{errorMessage(error, messages)}</span> : null}
      {viewer ? <span className="top-bar__viewer">{viewer.name}</span> : null}
      <button
        type="button"
        disabled={loading}
        onClick={() => {
          // A failure stays visible through `error`; the session is kept until the server ends it.
          logout().catch(() => undefined);
        }}
      >
        {loading ? messages.topBar.loggingOut : messages.topBar.logout}
      </button>
    </header>
  );
}
