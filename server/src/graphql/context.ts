import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Viewer } from "../modules/auth/viewer";
import type { EventReads } from "../realtime/event-reads";
import { UnauthenticatedError } from "./errors";
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
  /** Subscription deliveries only: the reads shared by the subscribers of an event (realtime/event-reads.ts). */
  eventReads?: EventReads;
}

export interface ContextParts {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
  clientIp: string;
  dataSource: DataSource;
  services: Services;
  cookies: SessionCookies;
  /** Loaders shared with other contexts (subscription deliveries of one event); a fresh set otherwise. */
  loaders?: Loaders;
  eventReads?: EventReads;
}

export function buildContext(parts: ContextParts): Context {
  const loaders = parts.loaders ?? createLoaders(parts.dataSource);
  if (parts.viewer) {
    // Shield rules read permissions through this loader; authentication already loaded them.
    const userId = parts.viewer.id;
    loaders.permissionKeysByUserId.prime(userId, [...parts.viewer.userPermissions].sort().map((key) => ({ userId, key })));
  }
  const context: Context = {
    requestId: parts.requestId,
    logger: parts.logger,
    viewer: parts.viewer,
    clientIp: parts.clientIp,
    services: parts.services,
    cookies: parts.cookies,
    loaders,
    eventReads: parts.eventReads,
    // Reads context.viewer, so a request that signs in (login) sees its new viewer.
    requireViewer: () => {
      if (!context.viewer) {
        throw new UnauthenticatedError();
      }
      return context.viewer;
    },
  };
  return context;
}
