import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** The value of one cookie of a request (the upgrade request carries the browser's cookies). */
export function sessionCookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim().replace(/^"(.*)"$/, "$1");
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/**
 * Whether the upgrade comes from a page of another site: an Origin header whose host is not the
 * Host the browser connected to. Browsers send cookies on cross-site WebSocket upgrades, so a
 * cookie-authenticated socket from elsewhere is refused (cross-site WebSocket hijacking).
 */
export function foreignOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    return false;
  }
  const host = request.headers.host?.toLowerCase();
  if (!URL.canParse(origin) || !host) {
    return true;
  }
  return new URL(origin).host.toLowerCase() !== host;
}

/** Express's compiled `trust proxy` setting (app.get("trust proxy fn")): whether to believe the hop at `address`. */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The client's IP as Express computes it for HTTP requests (proxy-addr): from the socket's
 * address back through X-Forwarded-For while each hop is a trusted proxy. Rate limits count a
 * client's sockets and HTTP requests together.
 */
export function clientIpOf(request: IncomingMessage, trust: TrustProxy): string {
  const forwarded = request.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((hop) => hop.trim()).filter((hop) => isIP(hop) !== 0);
  const chain = [request.socket.remoteAddress ?? "unknown", ...hops.reverse()];
  for (let hop = 0; hop < chain.length - 1; hop += 1) {
    if (!trust(chain[hop]!, hop)) {
      return chain[hop]!;
    }
  }
  return chain[chain.length - 1]!;
}
