import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";

import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { useErrorMessage } from "../../lib/useErrorMessage";
import { useMe } from "./useMe";

/** Where the login page returns to, carried in the router's location state. */
export interface LoginRedirectState {
  readonly from: string;
}

export function isLoginRedirectState(value: unknown): value is LoginRedirectState {
  return typeof value === "object" && value !== null && typeof (value as { from?: unknown }).from === "string";
}

/** Renders its children for a signed-in viewer; sends everyone else to /login. */
export function RequireViewer({ children }: { children: ReactNode }) {
  const messages = useT(commonMessages);
  const toMessage = useErrorMessage();
  const location = useLocation();
  const { viewer, loading, error, refetch } = useMe();
  if (loading) {
    return <p role="status">{messages.loading}</p>;
  }
  if (error) {
    return (
      <div role="alert">
        <p>{toMessage(error)}</p>
        <button type="button" onClick={refetch}>{messages.retry}</button>
      </div>
    );
  }
  if (!viewer) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}

/** Renders its children only when nobody is signed in (the login page); a viewer goes home. */
export function RequireGuest({ children }: { children: ReactNode }) {
  const messages = useT(commonMessages);
  const { viewer, loading } = useMe();
  if (loading) {
    return <p role="status">{messages.loading}</p>;
  }
  if (viewer) {
    return <Navigate to="/" replace />;
  }
  return children;
}
