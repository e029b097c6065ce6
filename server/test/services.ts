import { existsSync } from "node:fs";
import { Socket } from "node:net";
import { testFlags } from "../src/config/env";

/** Whether something answers on host:port within the timeout. */
export function answers(url: string, timeoutMs = 1500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(Number(port), hostname, () => done(true));
  });
}

/** The redis-server the job suites start for themselves (a Redis they may stop and start). */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

export const SERVICE_HELP = {
  redisServer: `the job suites start their own Redis from ${REDIS_SERVER_BIN}: apt-get install -y redis-server (or set REDIS_SERVER_BIN)`,
  mariadb: "start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
  redis:
    'start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
};

/** Which services answer (and whether the redis-server binary exists); env vars carry the answer to jest workers. */
export async function probeServices(): Promise<{ mariadb: boolean; redis: boolean; redisServer: boolean }> {
  const flags = testFlags();
  const [mariadb, redis] = await Promise.all([answers(flags.mariadbUrl), answers(flags.redisUrl)]);
  return { mariadb, redis, redisServer: existsSync(REDIS_SERVER_BIN) };
}

/** Whether the suites that start their own redis-server can run (decided by the global setup). */
export function ownRedisAvailable(): boolean {
  return process.env.CRM_TEST_REDIS_SERVER === "1";
}
