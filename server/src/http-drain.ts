import type { RequestListener, Server } from "node:http";

/**
 * The API's graceful stop on SIGTERM (main.ts): the listener closes (a proxy's next connection is
 * refused and goes to another replica), a /healthz that still reaches this process on an open
 * connection answers 503 (so a proxy or Kubernetes readiness stops routing here), and the requests
 * already in flight finish — each response then closes its connection, so keep-alive sockets end
 * and the server can report that it is drained.
 */
export class HttpDrain {
  private draining = false;

  /** The server's request listener: `app`, answering as above once draining has begun. */
  listener(app: RequestListener): RequestListener {
    return (req, res) => {
      if (this.draining) {
        res.setHeader("connection", "close");
        if (req.url === "/healthz" || req.url?.startsWith("/healthz?")) {
          res.writeHead(503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
          res.end(JSON.stringify({ ok: false, draining: true }));
          return;
        }
      }
      app(req, res);
    };
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Stops accepting connections (idle keep-alive ones close now) and resolves once every open
   * connection has ended. Upgraded WebSockets count as open: close them too, or this waits for them.
   */
  drain(server: Server): Promise<void> {
    this.draining = true;
    return new Promise((resolve, reject) => {
      server.close((error) => {
        // Not listening (the drain began twice, or before listen): nothing is left to wait for.
        if (error && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING") {
          reject(error);
          return;
        }
        resolve();
      });
    });
  }
}
