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

export const SERVICE_HELP = {
  mariadb: "start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
  redis:
    'start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
};

/** Which services answer; env vars carry the answer to jest workers. */
export async function probeServices(): Promise<{ mariadb: boolean; redis: boolean }> {
  const flags = testFlags();
  const [mariadb, redis] = await Promise.all([answers(flags.mariadbUrl), answers(flags.redisUrl)]);
  return { mariadb, redis };
}
