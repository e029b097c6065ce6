import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import type { DataSource } from "typeorm";
import { OutboxEntity } from "../src/jobs/outbox.entity";
import { writeOutbox, type OutboxJob } from "../src/jobs/queues";
import { JOBS, QUEUES } from "../src/jobs/queues";
import { answers, REDIS_SERVER_BIN } from "./services";

/** An outbox job of a test job name on the respondio queue (the handler is the test's). */
export function testJob(key: string | number, payload: Record<string, unknown> = {}): OutboxJob {
  return { queue: QUEUES.respondio, jobName: JOBS.respondioAddProspect, jobId: `${JOBS.respondioAddProspect}:${key}`, payload: { key: String(key), ...payload } };
}

export async function seedJobs(ds: DataSource, jobs: OutboxJob[]): Promise<void> {
  await writeOutbox(ds.manager, jobs);
}

export async function outboxRow(ds: DataSource, jobId: string): Promise<OutboxEntity> {
  return ds.getRepository(OutboxEntity).findOneByOrFail({ jobId });
}

/**
 * Repeats `step` until `done` holds (at most `tries` times, a short pause between): counts, never
 * timings. The default bound (~50 s of pauses) only turns a condition that never holds into a
 * clear failure before jest's 60 s test timeout; it is not a speed requirement, so a loaded
 * machine cannot fail it (it was 15 s).
 */
export async function until(
  done: () => Promise<boolean>,
  step: () => Promise<unknown> = async () => undefined,
  tries = 1000,
  /** What the failure message shows of the state when the condition was never reached. */
  explain?: () => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    await step();
    if (await done()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not reached${explain ? `; state: ${JSON.stringify(await explain())}` : ""}`);
}

/** A free loopback TCP port. */
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

/**
 * A redis-server of the test's own on a free port (never the shared 6379), which the test may stop and start.
 * `appendonly` keeps its data in an AOF in a temp dir across a stop (a crash: SIGKILL) and start, as
 * production Redis does (docker-compose: appendonly yes); without it a restart starts empty.
 */
export class OwnRedis {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly dataDir: string | null = null,
  ) {}

  static async create(options: { appendonly?: boolean } = {}): Promise<OwnRedis> {
    return new OwnRedis(await freePort(), options.appendonly ? mkdtempSync(join(tmpdir(), "own-redis-")) : null);
  }

  /** Stops the server and deletes its AOF dir (if any). */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.dataDir) {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // Suites gate on ownRedisAvailable() (the global setup's probe); this is the last guard.
    if (!existsSync(REDIS_SERVER_BIN)) {
      throw new Error(`${REDIS_SERVER_BIN} not found: the job suites start their own Redis (apt-get install -y redis-server or set REDIS_SERVER_BIN)`);
    }
    this.child = spawn(REDIS_SERVER_BIN, [
      ...["--port", String(this.port), "--bind", "127.0.0.1", "--save", ""],
      ...(this.dataDir ? ["--appendonly", "yes", "--dir", this.dataDir] : ["--appendonly", "no"]),
    ], { stdio: "ignore" });
    await until(() => answers(this.url, 200));
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) {
      return;
    }
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }
}
