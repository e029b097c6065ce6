import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Viewer } from "../modules/auth/viewer";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { createLoaders, type Loaders } from "./loaders";
import type { Services } from "./services";

/** How a resolver reaches the session cookie of its response. */
export interface SessionCookies {
  read(): string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** What every resolver receives. */
export interface Context {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
  /** The caller's IP (behind a loopback proxy: X-Forwarded-For), for throttling. */
  clientIp: string;
  loaders: Loaders;
  services: Services;
  cookies: SessionCookies;
  /** The viewer, or UNAUTHENTICATED. */
  requireViewer(): Viewer;
  /**
   * @deprecated The shield (modules/auth/permissions.ts) guards every field now: use
   * requireViewer() to get the viewer. Kept only until in-flight resolvers move off it.
   */
  requireCrm(): Viewer;
}

export interface ContextParts {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
  clientIp: string;
  dataSource: DataSource;
  services: Services;
  cookies: SessionCookies;
}

export function buildContext(parts: ContextParts): Context {
  const requireViewer = (): Viewer => {
    if (!parts.viewer) {
      throw new UnauthenticatedError();
    }
    return parts.viewer;
  };
  const loaders = createLoaders(parts.dataSource);
  if (parts.viewer) {
    // Shield rules read permissions through this loader; authentication already loaded them.
    const userId = parts.viewer.id;
    loaders.permissionKeysByUserId.prime(userId, [...parts.viewer.userPermissions].sort().map((key) => ({ userId, key })));
  }
  return {
    requestId: parts.requestId,
    logger: parts.logger,
    viewer: parts.viewer,
    clientIp: parts.clientIp,
    services: parts.services,
    cookies: parts.cookies,
    loaders,
    requireViewer,
    requireCrm: () => {
      const viewer = requireViewer();
      if (!viewer.has("crm")) {
        throw new ForbiddenError("You need the crm permission to use the CRM");
      }
      return viewer;
    },
  };
}
