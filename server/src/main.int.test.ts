import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MAIN = join(__dirname, "main.ts");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs main.ts like `npm start` does, with its own environment; resolves on exit or on `until`. */
function runMain(env: Record<string, string>, until?: RegExp): Promise<{ child: ChildProcessWithoutNullStreams; output: string; code: number | null }> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", MAIN], {
    env: { PATH: process.env.PATH ?? "", ...env },
    cwd: join(__dirname, ".."),
  });
  let output = "";
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) {
        resolve({ child, output, code: null });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => resolve({ child, output, code }));
  });
}

describe("the API process (main.ts)", () => {
  it("should refuse to boot on bad configuration, listing every problem", async () => {
    const { code, output } = await runMain({ PORT: "eighty", DATABASE_URL: "postgres://nope", NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(output).toContain("PORT");
    expect(output).toContain("DATABASE_URL");
  });

  it("should migrate, seed the demo data, print the logins and serve on an empty SQLite file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-main-"));
    const port = await freePort();
    const { child, output } = await runMain(
      { DATABASE_URL: `sqlite:${join(dir, "crm.sqlite")}`, PORT: String(port), WEB_DIST: join(dir, "no-web"), LOG_LEVEL: "warn" },
      // pino writes asynchronously: wait for the logins and the Respond.io boot line, in either order.
      /^(?=[\s\S]*mdr@example\.com)(?=[\s\S]*Respond\.io lead sync)/,
    );
    try {
      expect(output).toContain(`http://localhost:${port}`);
      expect(output).toMatch(/sdr@example\.com\s+demo1234/);
      // No RESPONDIO_API_TOKEN: one clear line at boot, not one per job.
      expect(output.match(/Respond\.io lead sync disabled: RESPONDIO_API_TOKEN is not set/g)).toHaveLength(1);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation { login(input: { email: "manager@example.com", password: "demo1234" }) { permissions } }` }),
      });
      const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
      const accounts = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ query: `{ accounts { totalCount } }` }),
      });
      const body = (await accounts.json()) as { data: { accounts: { totalCount: number } } };
      expect(body.data.accounts.totalCount).toBeGreaterThan(100);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("should print the port the OS chose when PORT=0, so a caller can start it without a port race", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-main-"));
    const { child, output } = await runMain(
      { DATABASE_URL: `sqlite:${join(dir, "crm.sqlite")}`, PORT: "0", WEB_DIST: join(dir, "no-web"), LOG_LEVEL: "warn" },
      /CRM running at http:\/\/localhost:\d+/,
    );
    try {
      const port = Number(/CRM running at http:\/\/localhost:(\d+)/.exec(output)?.[1]);
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: "close" } });
      expect(health.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
