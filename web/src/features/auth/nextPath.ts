/**
 * The `?next=` of the login URL (the server sends signed-out visitors of /playground there), when
 * it is a path on this site. Anything else — another origin, `//host`, `javascript:` — is ignored,
 * so the login page cannot be used to send users elsewhere.
 */
export function safeNextPath(search: string, origin: string): string | null {
  const next = new URLSearchParams(search).get("next");
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return null;
  }
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
