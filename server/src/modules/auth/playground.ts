import { existsSync } from "node:fs";
import { resolve } from "node:path";
import cookieParser from "cookie-parser";
import type { Express, Request, Response } from "express";
import type { Services } from "../../graphql/services";
import { viewerOfRequest } from "./request-auth";

const refusal = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem"><h1>${title}</h1><p>${body}</p><p><a href="/">Back to the CRM</a></p></body></html>`;

/**
 * GET /playground: the GraphiQL page bundled by the web build (web/playground.html), for
 * signed-in admins only (session cookie, or a token with the ADMIN scope). Signed-out
 * browsers go to the login page; everyone else gets a 403 page. The built HTML is never
 * served by the static handler.
 */
export function mountPlayground(app: Express, services: Services, dist: string): void {
  const page = resolve(dist, "playground.html");
  app.get(["/playground.html", "/playground/*splat"], (_req, res) => res.redirect(302, "/playground"));
  app.get("/playground", cookieParser(), async (req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    const viewer = await viewerOfRequest(req, services);
    if (!viewer) {
      if (req.accepts(["html", "json"]) === "html") {
        res.redirect(302, "/login?next=%2Fplayground");
        return;
      }
      res.status(403).type("html").send(refusal("Sign in first", "The GraphQL playground is for signed-in admins."));
      return;
    }
    if (!viewer.has("admin")) {
      res.status(403).type("html").send(refusal("Forbidden", "The GraphQL playground is for admins only."));
      return;
    }
    if (!existsSync(page)) {
      res.status(404).type("text").send("The playground is not built (npm run build)");
      return;
    }
    res.sendFile(page);
  });
}
