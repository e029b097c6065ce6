import { useState, type FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";

import { LanguageSwitch } from "../../components/LanguageSwitch";
import { useT } from "../../lib/i18n";
import { loadPage } from "../../lib/navigation";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { authMessages } from "./messages";
import { safeNextPath } from "./nextPath";
import { isLoginRedirectState } from "./RouteGuards";
import { useLogin } from "./useLogin";

/** Email + password sign-in; on success returns to the page that sent the user here (or to `?next=`). */
export function LoginPage() {
  const messages = useT(authMessages);
  const toMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const { login, loading, error } = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await login({ email: email.trim(), password });
    } catch {
      // The hook's `error` renders the message below.
      return;
    }
    const next = safeNextPath(location.search, window.location.origin);
    if (next) {
      // `?next=` comes from the server (e.g. /playground), which the router does not serve.
      loadPage(next);
      return;
    }
    const from = isLoginRedirectState(location.state) ? location.state.from : "/";
    void navigate(from, { replace: true });
  }

  return (
    <main className="login">
      <form className="login__form" onSubmit={(event) => void handleSubmit(event)}>
        <div className="login__header">
          <h1>{messages.login.title}</h1>
          <LanguageSwitch />
        </div>
        <label htmlFor="login-email">{messages.login.email}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="login-password">{messages.login.password}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error ? (
          <p role="alert" className="form-error">
            {toMessage(error, { UNAUTHENTICATED: messages.login.invalidCredentials })}
          </p>
        ) : null}
        <button type="submit" disabled={loading}>
          {loading ? messages.login.submitting : messages.login.submit}
        </button>
      </form>
    </main>
  );
}
