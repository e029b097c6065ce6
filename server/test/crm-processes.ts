import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { freePort, until } from "./job-fixtures";

const SERVER_DIR = resolve(__dirname, "..");

/**
 * `npm start` (src/main.ts) or `npm run worker` (src/worker.ts) as a child process through swc, for the
 * fault suites that kill, stop and restart real processes. Output is kept (the failure messages show it).
 */
export class CrmProcess {
  private output = "";
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    /** http://127.0.0.1:<port> of an API process; "" for a worker. */
    readonly url: string,
  ) {
    child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((done) => child.once("exit", (code) => done(code)));
  }

  /** An API process on a free loopback port, resolved once it listens. */
  static async api(env: Record<string, string>): Promise<CrmProcess> {
    const port = await freePort();
    const api = new CrmProcess(run("src/main.ts", { PORT: String(port), HOST: "127.0.0.1", WEB_DIST: "/nonexistent", DEMO_DATA: "false", LOG_LEVEL: "warn", ...env }), `http://127.0.0.1:${port}`);
    await api.ready("CRM running at");
    return api;
  }

  /** A worker process (relay + BullMQ workers), resolved once it logged "worker started". */
  static async worker(env: Record<string, string>): Promise<CrmProcess> {
    const worker = new CrmProcess(run("src/worker.ts", { LOG_LEVEL: "info", ...env }), "");
    await worker.ready('"msg":"worker started"');
    return worker;
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits for the exit; the exit code (null when killed by the signal). */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
    if (this.running) {
      this.child.kill(signal);
    }
    return this.exited;
  }

  private async ready(line: string): Promise<void> {
    // Bounded by count (boot through swc takes seconds on a loaded machine), never by time.
    await until(async () => this.output.includes(line) || !this.running, undefined, 2400);
    if (!this.output.includes(line)) {
      await this.kill();
      throw new Error(`${this.url || "worker"} did not start:\n${this.output}`);
    }
  }
}

function run(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["-r", "@swc-node/register", script], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * Whether a fault suite can run: it needs MariaDB (and, with `redisServer`, the redis-server binary).
 * When one is missing the suite is skipped with a loud notice; under REQUIRE_SERVICES=1 the global
 * setup has already failed the run.
 */
export function faultSuiteRuns(suite: string, needs: { redisServer?: boolean } = {}): boolean {
  const missing = [process.env.CRM_TEST_MARIADB === "1" ? null : "MariaDB", needs.redisServer && process.env.CRM_TEST_REDIS_SERVER !== "1" ? "redis-server" : null].filter(Boolean);
  if (missing.length > 0) {
    process.stderr.write(`\n#### ${suite}: SKIPPED, missing ${missing.join(" and ")} (see the setup banner) ####\n`);
  }
  return missing.length === 0;
}
