import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ApiClient } from "../../test/api";
import { FakeRespondio } from "../../test/fake-respondio";
import { freePort, until } from "../../test/job-fixtures";

const TOKEN = "test-token-api-process";

/** `npm start` without REDIS_URL runs the jobs inside the API process: main.ts wires the outbox runner. */
describe("background jobs in the API process (main.ts, no REDIS_URL)", () => {
  it("should sync a prospect created through the graph with the four Respond.io calls, and stop cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-api-jobs-"));
    const fake = new FakeRespondio({ token: TOKEN });
    const port = await freePort();
    const child = spawn(process.execPath, ["-r", "@swc-node/register", "src/main.ts"], {
      cwd: resolve(__dirname, "../.."),
      env: {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: `sqlite:${join(dir, "crm.sqlite")}`,
        PORT: String(port),
        HOST: "127.0.0.1",
        WEB_DIST: join(dir, "no-web"),
        LOG_LEVEL: "warn",
        RESPONDIO_API_URL: await fake.start(),
        RESPONDIO_API_TOKEN: TOKEN,
        OUTBOX_POLL_MS: "50",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    try {
      await until(async () => output.includes("CRM running at") || child.exitCode !== null, undefined, 1200);
      expect(child.exitCode).toBeNull();
      const client = new ApiClient(`http://127.0.0.1:${port}`);
      expect((await client.gql(`mutation { login(input: { email: "sdr@example.com", password: "demo1234" }) { id } }`)).errors).toBeUndefined();
      const catalogs = await client.gql<{ catalogs: { locales: Array<{ id: number; phoneCode: string }> } }>(`{ catalogs { locales { id phoneCode } } }`);
      const localeId = catalogs.data!.catalogs.locales.find((l) => l.phoneCode === "52")!.id;
      const created = await client.gql<{ createProspect: { id: string } }>(`mutation($input: CreateProspectInput!) { createProspect(input: $input) { id } }`, {
        input: { name: "Proceso Api", companyName: "Proceso API Logística Única", email: "proceso.api@example.com", localeId },
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createProspect.id;
      const sync = async () =>
        (await client.gql<{ account: { respondioSync: { status: string; attempts: number } | null } }>(`query($id: ID!) { account(id: $id) { respondioSync { status attempts } } }`, { id })).data!.account
          .respondioSync;
      await until(async () => (await sync())?.status === "SYNCED");
      expect(await sync()).toEqual({ status: "SYNCED", attempts: 1 });
      expect(fake.calls.map((call) => call.endpoint)).toEqual(["upsertContact", "assignConversation", "updateLifecycle", "conversationStatus"]);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
