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
  loaders: Loaders;
  services: Services;
  cookies: SessionCookies;
  /** The viewer, or UNAUTHENTICATED. */
  requireViewer(): Viewer;
  /** The viewer with the base CRM permission (legacy 319), or UNAUTHENTICATED / FORBIDDEN. */
  requireCrm(): Viewer;
}

export interface ContextParts {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
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
  return {
    requestId: parts.requestId,
    logger: parts.logger,
    viewer: parts.viewer,
    services: parts.services,
    cookies: parts.cookies,
    loaders: createLoaders(parts.dataSource),
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
