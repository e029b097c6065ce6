import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer, Socket } from "node:net";

/** A free loopback TCP port (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, "127.0.0.1", () => done(true));
  });
}

/** Whether the redis-server binary is there to start. */
export function redisServerInstalled(bin: string): boolean {
  try {
    accessSync(bin, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A started redis-server: its URL for REDIS_URL, and how to stop it. */
export interface RunningRedis {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * A redis-server of the test's own on a free loopback port, without persistence: the shared
 * 127.0.0.1:6379 is never touched (nor flushed). Stopped by `stop` (SIGKILL: nothing to keep).
 */
export async function startOwnRedis(bin: string): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  };
  // Bounded by attempts (each a connect of at most 0.5 s, then 100 ms apart): ~60 s at worst.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`${bin} exited with code ${child.exitCode} before listening on ${port}`);
    }
    if (await answers(port)) {
      return { url: `redis://127.0.0.1:${port}`, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${bin} did not listen on 127.0.0.1:${port}`);
}
