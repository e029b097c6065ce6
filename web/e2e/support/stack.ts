import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, createWriteStream, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { chromium, type BrowserServer } from "playwright-core";

const webDir = resolve(__dirname, "../..");
const defaultServerDir = resolve(webDir, "../server");

/** Flags for a quiet, sandbox-free headless Chromium in containers and CI. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails the run, saying how to install Chromium, when the binary is missing: never a silent skip. */
export function assertChromium(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      [
        `Browser tests need Chromium, and there is no executable at ${path}.`,
        "Install it:  apt-get update && apt-get install -y chromium",
        "(or point CHROMIUM_PATH at another Chromium binary).",
      ].join("\n"),
    );
  }
}

/** Builds the web app once into `outDir`, as `npm run build` would (without source maps). */
export function buildWeb(outDir: string): void {
  const vitePackage = require.resolve("vite/package.json", { paths: [webDir] });
  const viteBin = join(dirname(vitePackage), (JSON.parse(readFileSync(vitePackage, "utf8")) as { bin: { vite: string } }).bin.vite);
  const result = spawnSync(process.execPath, [viteBin, "build", "--outDir", outDir, "--emptyOutDir", "--sourcemap", "false", "--logLevel", "warn"], {
    cwd: webDir,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface RunningApi {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  readonly logFile: string;
}

/**
 * The real API process (server/src/main.ts through swc) on a free port: it migrates the given
 * database, seeds catalogs and the demo data, and serves the built web app from `webDist`.
 */
export async function startApi(options: {
  databaseUrl: string;
  webDist: string;
  logFile: string;
  serverDir?: string;
  respondio?: { url: string; token: string };
  /** More environment for the process (e.g. REDIS_URL for several instances sharing sessions and events). */
  env?: Readonly<Record<string, string>>;
}): Promise<RunningApi> {
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "src/main.ts"], {
    cwd: options.serverDir ?? defaultServerDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      // The OS picks a free port when the API binds, and the API prints it: probing a free port here
      // and handing it over would leave a window in which a concurrent run could take the same one
      // (and this run's tests would then talk to the other run's API).
      PORT: "0",
      DATABASE_URL: options.databaseUrl,
      WEB_DIST: options.webDist,
      DEMO_DATA: "true",
      LOG_LEVEL: "warn",
      // The lead sync runs against a local fake Respond.io (see fakeRespondio.ts), never the real one.
      ...(options.respondio ? { RESPONDIO_API_URL: options.respondio.url, RESPONDIO_API_TOKEN: options.respondio.token } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 90_000;
  const port = await listeningPort(child, options.logFile, deadline);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, options.logFile, deadline);
  return { baseUrl, process: child, logFile: options.logFile };
}

/** The port main.ts prints once it listens ("CRM running at http://localhost:<port>"). */
function listeningPort(child: ChildProcess, logFile: string, deadline: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`The API did not start listening within 90 s:\n${readFileSync(logFile, "utf8")}`)), deadline - Date.now());
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /CRM running at http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port === "0") {
        fail(new Error("The API printed port 0: its main.ts prints the configured port, not the bound one (a server/ older than this harness)."));
      } else if (port) {
        done();
        resolvePort(Number(port));
      }
    };
    const onExit = (code: number | null) => fail(new Error(`The API exited with code ${code} before listening:\n${readFileSync(logFile, "utf8")}`));
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
    };
    const fail = (error: Error) => {
      done();
      child.kill("SIGKILL");
      reject(error);
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode} before answering:\n${readFileSync(logFile, "utf8")}`);
    }
    try {
      // connection: close — jest runs the tests in this same process, and a kept-alive socket left
      // from here can be closed by the server (5 s idle) just as a test's first request reuses it
      // ("fetch failed: other side closed").
      const response = await fetch(`${baseUrl}/healthz`, { headers: { connection: "close" } });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`The API did not answer ${baseUrl}/healthz within 90 s:\n${readFileSync(logFile, "utf8")}`);
}

export async function stopApi(api: RunningApi): Promise<void> {
  if (api.process.exitCode !== null) {
    return;
  }
  const exited = new Promise<void>((done) => api.process.once("exit", () => done()));
  api.process.kill("SIGTERM");
  const timer = setTimeout(() => api.process.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** One Chromium for the whole run; test files connect to it over its websocket. */
export function launchBrowserServer(executablePath: string): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath, headless: true, chromiumSandbox: false, args: chromiumArgs });
}
