import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AccountEvent } from "./account-event";
import { deliver, type AccountEventListener, type EventBus } from "./event-bus";

/**
 * The pub/sub channel of a deployment: `crm:account-events:<database>` (the MySQL database name,
 * or the SQLite file's name). Every API process of one database shares it; deployments (or test
 * suites) on other databases sharing a Redis never see each other's ids.
 */
export function accountEventsChannel(databaseUrl: string): string {
  const database = databaseUrl.startsWith("sqlite:") ? basename(databaseUrl.slice("sqlite:".length)) : new URL(databaseUrl.replace(/^mariadb:/, "mysql:")).pathname.replace(/^\//, "");
  return `crm:account-events:${database}`;
}

function deliverGap(listeners: Iterable<() => void>, onError: (err: unknown) => void): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch (err) {
      onError(err);
    }
  }
}

/** One message on the channel: the events of one committed write, and which process sent them. */
interface Envelope {
  origin: string;
  events: AccountEvent[];
}

/**
 * The bus over Redis pub/sub, so every API process delivers every change. A dedicated
 * subscriber connection (a subscribed connection can run nothing else); both connections
 * reconnect by themselves and the subscriber re-subscribes (ioredis). A publish while Redis is
 * down is logged and dropped at once (no offline queue): the write it reports has committed.
 */
export class RedisEventBus implements EventBus {
  /** Tells this process's messages from the others' (write generations, item 5 of issue 11). */
  readonly origin = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Set<AccountEventListener>();
  private added = 0;
  private readonly gapListeners = new Set<() => void>();
  /** The subscriber connection closed since it was last ready: messages of the meantime are gone. */
  private lost = false;
  private readonly subscribed: Promise<void>;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly logger: Pick<Logger, "warn" | "error">,
  ) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null });
    this.publisher.on("error", (err) => logger.warn({ err }, "redis error (account events publisher)"));
    this.subscriber.on("error", (err) => logger.warn({ err }, "redis error (account events subscriber)"));
    this.subscriber.on("message", (received: string, message: string) => this.received(received, message));
    this.subscriber.on("close", () => {
      this.lost = true;
    });
    // ioredis re-subscribes as it becomes ready again; what was published while it was away never comes.
    this.subscriber.on("ready", () => {
      if (this.lost) {
        this.lost = false;
        logger.warn({ channel }, "account events subscriber reconnected; subscribers are told to reload what they missed");
        deliverGap(this.gapListeners, (err) => logger.error({ err }, "account event gap listener failed"));
      }
    });
    this.subscribed = this.subscriber.subscribe(channel).then(
      () => undefined,
      (err: unknown) => logger.error({ err, channel }, "could not subscribe to account events"),
    );
  }

  /** Resolves once the subscriber connection listens on the channel (tests wait for it). */
  ready(): Promise<void> {
    return this.subscribed;
  }

  listenersAdded(): number {
    return this.added;
  }

  publish(events: readonly AccountEvent[]): void {
    if (events.length === 0) {
      return;
    }
    const envelope: Envelope = { origin: this.origin, events: [...events] };
    this.publisher.publish(this.channel, JSON.stringify(envelope)).catch((err: unknown) => {
      this.logger.warn({ err, count: events.length, accountId: events[0]?.accountId }, "account events not published (Redis unavailable); subscribers miss them");
    });
  }

  listen(listener: AccountEventListener): () => void {
    this.added += 1;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onGap(listener: () => void): () => void {
    this.gapListeners.add(listener);
    return () => this.gapListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.gapListeners.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private received(channel: string, message: string): void {
    if (channel !== this.channel) {
      return;
    }
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (err) {
      this.logger.warn({ err }, "unreadable account event message ignored");
      return;
    }
    deliver(this.listeners, envelope.events ?? [], envelope.origin !== this.origin, (err) => this.logger.error({ err }, "account event listener failed"));
  }
}
