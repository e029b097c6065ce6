import type { PubSub } from "type-graphql";
import type { AccountEvent } from "./account-event";

/**
 * Called for every message of the bus: the events of one committed write (a CSV batch: many),
 * in order; `remote`: another API process published it.
 */
export type AccountEventListener = (events: readonly AccountEvent[], remote: boolean) => void;

/**
 * Where committed account changes go so that every API process can tell its subscribers.
 * In memory for a single process (no REDIS_URL); Redis pub/sub otherwise (redis-event-bus.ts).
 */
export interface EventBus {
  /**
   * Sends the events of one committed write (a CSV batch: many, as one message). Never throws
   * and never waits: the write has committed already, a bus outage only loses the notification.
   */
  publish(events: readonly AccountEvent[]): void;
  /** Registers a listener for every message, local and remote; returns its removal. */
  listen(listener: AccountEventListener): () => void;
  /** Resolves once published events reach this process (Redis: the channel is subscribed); tests wait for it. */
  ready(): Promise<void>;
  /** Listeners registered so far (only grows; one per subscription started): tests wait for a subscription to be live. */
  listenersAdded(): number;
  /**
   * Registers `listener` for when messages may have been lost (Redis: the subscriber connection
   * came back after a loss; what was published meanwhile never arrives); returns its removal.
   */
  onGap(listener: () => void): () => void;
  close(): Promise<void>;
}

/** A listener that throws must not keep the others (or the publishing write) from going on. */
export function deliver(listeners: Iterable<AccountEventListener>, events: readonly AccountEvent[], remote: boolean, onError: (err: unknown) => void): void {
  if (events.length === 0) {
    return;
  }
  for (const listener of listeners) {
    try {
      listener(events, remote);
    } catch (err) {
      onError(err);
    }
  }
}

/** The single-process bus: events go to this process's listeners, on the next tick (after the caller's response is on its way). */
export class MemoryEventBus implements EventBus {
  private readonly listeners = new Set<AccountEventListener>();
  private added = 0;

  constructor(private readonly onError: (err: unknown) => void = () => undefined) {}

  publish(events: readonly AccountEvent[]): void {
    if (events.length === 0) {
      return;
    }
    const copy = structuredClone([...events]);
    setImmediate(() => deliver(this.listeners, copy, false, this.onError));
  }

  listen(listener: AccountEventListener): () => void {
    this.added += 1;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ready(): Promise<void> {}

  listenersAdded(): number {
    return this.added;
  }

  /** In one process nothing is lost between a publish and its listeners. */
  onGap(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Events a subscriber has not taken yet before it is dropped: a stalled socket must not hold memory without bound. */
const MAX_BUFFERED = 10_000;

/**
 * The bus as an async iterator of events for one subscriber; ends when the subscriber returns
 * (graphql-ws calls return() when the client completes or the socket closes), or when it falls
 * MAX_BUFFERED events behind (`onOverflow` is told; the client sees the subscription complete).
 */
export function eventStream(bus: EventBus, onOverflow: () => void = () => undefined): AsyncIterableIterator<AccountEvent> {
  const buffered: AccountEvent[] = [];
  let waiting: ((result: IteratorResult<AccountEvent>) => void) | null = null;
  let done = false;
  const finish = (): IteratorResult<AccountEvent> => {
    done = true;
    stop();
    buffered.length = 0;
    const wake = waiting;
    waiting = null;
    wake?.({ value: undefined, done: true });
    return { value: undefined, done: true };
  };
  const stop = bus.listen((events) => {
    if (buffered.length + events.length > MAX_BUFFERED) {
      finish();
      onOverflow();
      return;
    }
    buffered.push(...events);
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ value: buffered.shift()!, done: false });
    }
  });
  return {
    next: () => {
      const event = buffered.shift();
      if (event) {
        return Promise.resolve({ value: event, done: false });
      }
      if (done) {
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: () => Promise.resolve(finish()),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The one topic of the bus for type-graphql's @Subscription. */
export const ACCOUNT_CHANGED = "ACCOUNT_CHANGED";

/** type-graphql's PubSub over the bus (buildSchema `pubSub`): subscribers of ACCOUNT_CHANGED get every event. */
export function eventBusPubSub(bus: EventBus, onOverflow?: () => void): PubSub {
  return {
    publish: (_topic, ...events) => bus.publish(events as AccountEvent[]),
    subscribe: () => eventStream(bus, onOverflow),
  };
}

/** What write paths need of the bus. */
export type AccountEventSink = Pick<EventBus, "publish">;

/** A committed write's result and the events it caused. */
export interface WithEvents<T> {
  result: T;
  events: AccountEvent[];
}

/**
 * Awaits a write (its transaction included), then publishes the events it returned and hands
 * back its result. A write that throws has rolled back and publishes nothing; events are never
 * sent from inside a transaction, so no subscriber hears of a change that did not commit.
 */
export async function publishAfterCommit<T>(sink: AccountEventSink, write: Promise<WithEvents<T>>): Promise<T> {
  const { result, events } = await write;
  sink.publish(events);
  return result;
}
