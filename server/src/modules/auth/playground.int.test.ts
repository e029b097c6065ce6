import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestApi, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildApiToken, buildUser } from "../../../test/factories";

const MARKER = "<!-- graphiql playground page -->";

describe.each(testDialects())("/playground on %s", (dialect) => {
  let api: TestApi;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "crm-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><div id=root></div>");
    writeFileSync(join(dist, "playground.html"), `<!doctype html>${MARKER}`);
    api = await startTestApi(dialect, { WEB_DIST: dist });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers, redirect: "manual" });

  it("should serve GraphiQL to a signed-in admin", async () => {
    const admin = await api.as(await buildUser(api.db.dataSource, ["admin"]));
    const res = await get("/playground", { cookie: admin.sessionCookie ?? "", accept: "text/html" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(MARKER);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("should refuse an SDR with a 403 page", async () => {
    const sdr = await api.as(await buildUser(api.db.dataSource, ["crm", "sdr", "crm-manager"]));
    const res = await get("/playground", { cookie: sdr.sessionCookie ?? "", accept: "text/html" });
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toContain("admins only");
    expect(body).not.toContain(MARKER);
  });

  it("should send signed-out browsers to the login page and refuse other signed-out callers", async () => {
    const browser = await get("/playground", { accept: "text/html" });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe("/login?next=%2Fplayground");
    const script = await get("/playground", { accept: "application/json" });
    expect(script.status).toBe(403);
  });

  it("should accept an admin's token only with the ADMIN scope", async () => {
    const admin = await buildUser(api.db.dataSource, ["admin"]);
    const wide = await buildApiToken(api.db.dataSource, admin, { scopes: ["read", "admin"] });
    const narrow = await buildApiToken(api.db.dataSource, admin, { scopes: ["read"] });
    expect((await get("/playground", { authorization: `Bearer ${wide.secret}` })).status).toBe(200);
    expect((await get("/playground", { authorization: `Bearer ${narrow.secret}` })).status).toBe(403);
  });

  it("should never hand out the built page through the static files", async () => {
    const res = await get("/playground.html");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/playground");
  });
});
