import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The token the browser-test API sends to the fake Respond.io (not a secret: the fake is local). */
export const e2eRespondioToken = "e2e-respondio-token";

/**
 * Marker for browser tests that need a failed lead sync: a prospect whose email contains it is
 * refused (400) on its FIRST contact upsert, and accepted after that, so a retry succeeds.
 */
export const refusedOnceMarker = "respondio-refuses-once";

export interface RunningFakeRespondio {
  /** Base URL for RESPONDIO_API_URL. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A minimal Respond.io Developer API v2 on 127.0.0.1 for the browser-test API process (nothing
 * reaches the internet): every call answers 200, except the marker rule above. The server suites
 * have the full recording fake (server/test/fake-respondio.ts).
 */
export async function startFakeRespondio(): Promise<RunningFakeRespondio> {
  const refused = new Set<string>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = decodeURIComponent(req.url ?? "");
      const upsert = /\/contact\/create_or_update\/(.+)$/.exec(path);
      const identifier = upsert?.[1] ?? "";
      res.setHeader("content-type", "application/json");
      if (req.headers.authorization !== `Bearer ${e2eRespondioToken}`) {
        res.writeHead(401).end(JSON.stringify({ message: "Unauthorized" }));
      } else if (identifier.includes(refusedOnceMarker) && !refused.has(identifier)) {
        refused.add(identifier);
        res.writeHead(400).end(JSON.stringify({ message: "email is not deliverable" }));
      } else {
        res.writeHead(200).end(JSON.stringify({ code: 200, message: "Success" }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
