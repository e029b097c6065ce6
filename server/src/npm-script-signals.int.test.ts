import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { until } from "../test/job-fixtures";

// docker-compose.yml (and the Dockerfile's CMD) start the API and the worker as `npm run start|worker
// -w server`, so `docker stop` / a rollout's SIGTERM reaches npm. npm passes it to the script's shell;
// Debian's sh (dash) dies of it without passing it on, and node — never told — is killed with the
// container, mid-request. `exec` makes node the script's process. This runs each script exactly as
// server/package.json spells it, against a stand-in for the built file, and checks node hears SIGTERM.
const scripts = (JSON.parse(readFileSync(join(__dirname, "../package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

const STAND_IN = `
process.on("SIGTERM", () => { process.stdout.write("SIGTERM received\\n"); process.exit(0); });
process.stdout.write("ready " + process.pid + "\\n");
setInterval(() => undefined, 1000);
`;

describe("the server scripts the deployment runs", () => {
  it.each(["start", "worker"])("should deliver npm's SIGTERM to node for `npm run %s`", async (name) => {
    const script = scripts[name] ?? "";
    const built = /\bnode (?:--[\w-]+(?:=\S+)? )*(dist\/[\w./-]+\.js)$/.exec(script)?.[1];
    expect(built).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "crm-script-"));
    let standIn = 0;
    try {
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "script-check", private: true, scripts: { [name]: script } }));
      mkdirSync(join(dir, dirname(built!)), { recursive: true });
      writeFileSync(join(dir, built!), STAND_IN);
      const npm = spawn("npm", ["run", "--silent", name], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise((resolve) => npm.once("exit", resolve));
      await until(async () => /ready \d+/.test(output) || npm.exitCode !== null);
      standIn = Number(/ready (\d+)/.exec(output)?.[1] ?? 0);
      expect(standIn).toBeGreaterThan(0);

      npm.kill("SIGTERM");
      await exited;
      expect(output).toContain("SIGTERM received");
    } finally {
      // Without exec the stand-in outlives npm: end it by its pid.
      if (standIn > 0) {
        try {
          process.kill(standIn, "SIGKILL");
        } catch {
          // already gone: the signal reached it
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
