/**
 * realtime-load's bookkeeping of subscription events, without I/O: which user should receive which
 * event (from a write that succeeded), which events each user did receive and when, and at the end
 * the delivery times, the events never delivered, those delivered twice and those a user should
 * never have seen (an account outside their scope).
 */
import { percentile } from "./stats";

/** The event kinds the load writes cause and the tracker follows. */
export type TrackedKind = "MOVED" | "NOTE_ADDED";

/** One accountChanged event as a subscriber received it. */
export interface ReceivedEvent {
  kind: string;
  /** The account's numeric id (decoded from the event's global id). */
  accountId: number;
  /** The note's id for NOTE_ADDED. */
  noteId?: string | null;
}

/** The identity of an event the tracker can match to the write that caused it; null for other kinds. */
export function eventKey(event: ReceivedEvent): string | null {
  if (event.kind === "MOVED") {
    return `MOVED:${event.accountId}`;
  }
  if (event.kind === "NOTE_ADDED" && event.noteId) {
    return `NOTE_ADDED:${event.noteId}`;
  }
  return null;
}

interface Expectation {
  kind: TrackedKind;
  /** When the write was sent (performance.now()): delivery times count from there. */
  sentAt: number;
  recipients: readonly number[];
  /** False for the warm-up writes: their misses count, their times do not. */
  measured: boolean;
  /** The API instance the write went to. */
  origin: number;
}

export interface DeliverySummary {
  /** Deliveries expected (one per write and recipient). */
  expected: number;
  delivered: number;
  /** Expected but never received. */
  missed: number;
  /** The same event received again by the same user. */
  duplicates: number;
  /** Events about an account outside the receiving user's scope. */
  outOfScope: number;
  /** Events in scope that no write of this run explains (another process's writes, or a kind not followed). */
  unmatched: number;
  /** Deliveries to a subscriber on another API instance than the write's (through the shared bus). */
  crossInstance: number;
  /** Delivery times (ms from the write's request) of the measured writes, by kind. */
  latencies: Record<TrackedKind, number[]>;
  /** The same times by kind and the receiving user's group (e.g. their role). */
  byGroup: Record<TrackedKind, Record<string, number[]>>;
  /** The first problem, for the report. */
  firstProblem: string | null;
}

/** Expected and received events of one run; `sees(user, accountId)` is the scope rule the server must apply. */
export class DeliveryTracker {
  private readonly expected = new Map<string, Expectation>();
  /** key → user → receive times. */
  private readonly received = new Map<string, Map<number, number[]>>();
  private outOfScope = 0;
  private unmatched = 0;
  private firstProblem: string | null = null;

  constructor(
    private readonly sees: (user: number, accountId: number) => boolean,
    private readonly instanceOf: (user: number) => number = () => 0,
    private readonly groupOf: (user: number) => string = () => "all",
  ) {}

  /** A write (sent to API instance `origin`) succeeded: each of `recipients` must receive its event. */
  expect(key: string, kind: TrackedKind, sentAt: number, recipients: readonly number[], options: { measured?: boolean; origin?: number } = {}): void {
    if (this.expected.has(key)) {
      throw new Error(`realtime-load: two writes expect the same event ${key} (the plan moves an account twice?)`);
    }
    this.expected.set(key, { kind, sentAt, recipients: [...new Set(recipients)], measured: options.measured ?? true, origin: options.origin ?? 0 });
  }

  /** A user received an event at `at` (performance.now()); it may come before its write's answer. */
  receive(user: number, event: ReceivedEvent, at: number): void {
    if (!this.sees(user, event.accountId)) {
      this.outOfScope += 1;
      this.firstProblem ??= `user ${user} received ${event.kind} of account ${event.accountId}, outside their scope`;
      return;
    }
    const key = eventKey(event);
    if (key === null) {
      this.unmatched += 1;
      return;
    }
    let byUser = this.received.get(key);
    if (!byUser) {
      byUser = new Map();
      this.received.set(key, byUser);
    }
    byUser.set(user, [...(byUser.get(user) ?? []), at]);
  }

  /** Expected deliveries not received yet (the end of the run waits for these, up to a grace). */
  pending(): number {
    let count = 0;
    for (const [key, expectation] of this.expected) {
      const byUser = this.received.get(key);
      count += expectation.recipients.filter((user) => !byUser?.has(user)).length;
    }
    return count;
  }

  summary(): DeliverySummary {
    const latencies: Record<TrackedKind, number[]> = { MOVED: [], NOTE_ADDED: [] };
    const byGroup: Record<TrackedKind, Record<string, number[]>> = { MOVED: {}, NOTE_ADDED: {} };
    let expected = 0;
    let delivered = 0;
    let crossInstance = 0;
    let missed = 0;
    let duplicates = 0;
    let firstProblem = this.firstProblem;
    let unmatched = this.unmatched;
    for (const [key, byUser] of this.received) {
      const expectation = this.expected.get(key);
      for (const [user, times] of byUser) {
        duplicates += times.length - 1;
        if (times.length > 1) {
          firstProblem ??= `user ${user} received ${key} ${times.length} times`;
        }
        if (!expectation?.recipients.includes(user)) {
          unmatched += 1;
        }
      }
    }
    for (const [key, expectation] of this.expected) {
      const byUser = this.received.get(key);
      for (const user of expectation.recipients) {
        expected += 1;
        const first = byUser?.get(user)?.[0];
        if (first === undefined) {
          missed += 1;
          firstProblem ??= `user ${user} never received ${key}`;
          continue;
        }
        delivered += 1;
        if (this.instanceOf(user) !== expectation.origin) {
          crossInstance += 1;
        }
        if (expectation.measured) {
          const ms = Math.max(0, first - expectation.sentAt);
          latencies[expectation.kind].push(ms);
          (byGroup[expectation.kind][this.groupOf(user)] ??= []).push(ms);
        }
      }
    }
    return { expected, delivered, missed, duplicates, outOfScope: this.outOfScope, unmatched, crossInstance, latencies, byGroup, firstProblem };
  }
}

/** p50/p95/p99 of samples (zeros when there are none: the figure then says 0 samples in its label). */
export function spread(samples: readonly number[]): { count: number; p50: number; p95: number; p99: number } {
  if (samples.length === 0) {
    return { count: 0, p50: 0, p95: 0, p99: 0 };
  }
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}
