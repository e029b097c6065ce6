import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { resolve } from "node:path";

/** The repository root (this file is server/bench). */
export const REPOSITORY_ROOT = resolve(__dirname, "../..");

export interface RunningBenchApi {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** The API process id (e.g. to read its CPU time from /proc). */
  pid: number;
  /** The API's stdout and stderr so far (warnings and errors only: LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

/** Whether something answers PING with PONG on host:port within a second. */
export function redisAnswers(url = "redis://127.0.0.1:6379"): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => finish(data.toString().startsWith("+PONG")));
  });
}

/**
 * The BUILT API (`node server/dist/main.js`, what `npm start` runs) on a port the OS picks, in the
 * production shape: NODE_ENV=production, LOG_LEVEL=warn, the web app from web/dist, Redis when
 * one answers on 127.0.0.1:6379, and rate limits far above any bench load. `env` overrides any of
 * it (e.g. NODE_ENV=development for a non-Secure session cookie). Needs `npm run build` first.
 */
export async function startBenchApi(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  root?: string;
  /** Node flags for the API process, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] to profile it. */
  nodeArgs?: string[];
}): Promise<RunningBenchApi> {
  const root = options.root ?? REPOSITORY_ROOT;
  const main = resolve(root, "server/dist/main.js");
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build first (npm run build, or npm run bench from the repository root does it)`);
  }
  const redis = (await redisAnswers()) ? { REDIS_URL: "redis://127.0.0.1:6379" } : {};
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), main], {
    cwd: resolve(root, "server"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: randomBytes(24).toString("hex"),
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: options.databaseUrl,
      WEB_DIST: resolve(root, "web/dist"),
      LOG_LEVEL: "warn",
      TOKEN_RATE_LIMIT_PER_MINUTE: "100000000",
      IP_RATE_LIMIT_PER_MINUTE: "100000000",
      ...redis,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const port = await boundPort(child, () => output);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return { url, pid: child.pid ?? -1, output: () => output, stop: () => stop(child) };
}

/** The port main.ts prints once it listens ("CRM running at http://localhost:<port>"). */
function boundPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => fail(new Error(`The API did not start listening within 120 s:\n${output()}`)), 120_000);
    const onData = () => {
      const port = /CRM running at http:\/\/localhost:(\d+)/.exec(output())?.[1];
      if (port && port !== "0") {
        cleanup();
        resolvePort(Number(port));
      }
    };
    const onExit = (code: number | null) => fail(new Error(`The API exited with code ${code} before listening:\n${output()}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    };
    const fail = (error: Error) => {
      cleanup();
      child.kill("SIGKILL");
      reject(error);
    };
    // After the buffering listener above, so output() already holds this chunk.
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode} before answering:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { headers: { connection: "close" } });
      if (response.ok) {
        return;
      }
    } catch {
      // Not answering yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`The API did not answer ${url}/healthz within 60 s:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
  await exited;
  clearTimeout(timer);
}
