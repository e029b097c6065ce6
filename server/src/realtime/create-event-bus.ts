import type { Logger } from "pino";
import type { Env } from "../config/env";
import { MemoryEventBus, type EventBus } from "./event-bus";
import { accountEventsChannel, RedisEventBus } from "./redis-event-bus";

/** The API process's bus: Redis pub/sub when REDIS_URL is set (every instance delivers every change), in memory otherwise. */
export function createEventBus(config: Pick<Env, "REDIS_URL" | "DATABASE_URL">, logger: Pick<Logger, "warn" | "error">): EventBus {
  if (config.REDIS_URL) {
    return new RedisEventBus(config.REDIS_URL, accountEventsChannel(config.DATABASE_URL), logger);
  }
  return new MemoryEventBus((err) => logger.error({ err }, "account event listener failed"));
}
