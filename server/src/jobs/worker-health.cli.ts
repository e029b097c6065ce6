/**
 * The worker container's healthcheck (docker-compose.yml: `node server/dist/jobs/worker-health.cli.js`).
 * Healthy when Redis lists a BullMQ worker of every queue connected from this host's address, the
 * address this check's own connection comes from: the process is alive AND taking jobs, which a
 * "process exists" check cannot tell. Exit 0 healthy, 1 not (the reason on stderr).
 */
import "reflect-metadata";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { env } from "../config/env";
import { redisOptions } from "./bullmq-options";
import { QUEUES } from "./queues";

/** "172.18.0.5:43210" → "172.18.0.5" (IPv6 addresses keep their colons). */
function hostOf(addr: string | undefined): string {
  return addr ? addr.slice(0, addr.lastIndexOf(":")) : "";
}

/** The queues with no worker connected from this host (all of them when Redis does not answer). */
export async function queuesWithoutLocalWorker(redisUrl: string): Promise<string[]> {
  const redis = new Redis({ ...redisOptions(redisUrl), lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  // The failure is the rejected connect below; ioredis would also print it as an unhandled event.
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    const self = hostOf(/(?:^|\s)addr=(\S+)/.exec(String(await redis.client("INFO")))?.[1]);
    const missing: string[] = [];
    for (const name of Object.values(QUEUES)) {
      // A shared connection: closing the queue leaves it to the finally below.
      const queue = new Queue(name, { connection: redis });
      const workers = await queue.getWorkers();
      await queue.close();
      if (!workers.some((worker) => hostOf(worker.addr) === self)) {
        missing.push(name);
      }
    }
    return missing;
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<number> {
  const { REDIS_URL } = env();
  if (!REDIS_URL) {
    process.stderr.write("worker health: REDIS_URL is not set (the worker needs it)\n");
    return 1;
  }
  const missing = await queuesWithoutLocalWorker(REDIS_URL);
  if (missing.length > 0) {
    process.stderr.write(`worker health: no worker of this host is connected for queue(s) ${missing.join(", ")}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`worker health: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
