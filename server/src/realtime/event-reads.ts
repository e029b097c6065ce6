import type { DataSource } from "typeorm";
import { createLoaders, type Loaders } from "../graphql/loaders";
import type { Services } from "../graphql/services";
import type { Viewer } from "../modules/auth/viewer";
import type { NoteRecord } from "../modules/notes/note.loaders";
import type { AccountEvent } from "./account-event";

/** The shared reads of one bus message (the events of one write; a CSV batch: many). */
interface MessageReads {
  loaders: Map<string, Loaders>;
  notes: Map<string, Promise<NoteRecord | null>>;
}

const ignore = () => undefined;

/**
 * The reads of a bus message, shared by every subscriber it is delivered to, so a floor of
 * managers costs each event's reads once, not once per socket. Loaders are per read profile:
 * every viewer who sees everything (scope "all") shares one set; each SDR or MDR has their own.
 * Sharing is safe because loaders take no viewer (createLoaders has none): what a viewer may
 * see is decided by the resolvers and the shield, which run per subscriber with their own
 * context. Kept as long as the message's event objects are (WeakMap).
 */
export class EventReads {
  private readonly byEvent = new WeakMap<AccountEvent, MessageReads>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly services: Services,
  ) {}

  /**
   * A message as it arrives: its events share reads. With `prime`, the "all" profile's reads
   * start now, before any socket's turn (sockets execute their events one after another, and
   * then find them loaded); the loads of one message batch into one statement per loader.
   */
  arrived(events: readonly AccountEvent[], prime: boolean): void {
    const reads: MessageReads = { loaders: new Map(), notes: new Map() };
    for (const event of events) {
      this.byEvent.set(event, reads);
    }
    if (!prime) {
      return;
    }
    const loaders = this.loadersOf(reads, "all");
    for (const event of events) {
      loaders.accountsById.load(event.accountId).catch(ignore);
      loaders.usersById.load(event.actorId).catch(ignore);
      this.note(event).catch(ignore);
    }
  }

  /** The loaders `viewer`'s delivery of `event` reads through. */
  loadersFor(event: AccountEvent, viewer: Viewer): Loaders {
    return this.loadersOf(this.readsOf(event), viewer.scope === "all" ? "all" : `viewer:${viewer.id}`);
  }

  /** NOTE_ADDED's note, read once per message (its visibility is the account's, checked per subscriber). */
  note(event: AccountEvent): Promise<NoteRecord | null> {
    const { noteId } = event;
    if (noteId === undefined) {
      return Promise.resolve(null);
    }
    const { notes } = this.readsOf(event);
    let note = notes.get(noteId);
    if (!note) {
      note = this.services.notes.live(noteId, event.accountId);
      notes.set(noteId, note);
    }
    return note;
  }

  private loadersOf(reads: MessageReads, profile: string): Loaders {
    let loaders = reads.loaders.get(profile);
    if (!loaders) {
      loaders = createLoaders(this.dataSource);
      reads.loaders.set(profile, loaders);
    }
    return loaders;
  }

  private readsOf(event: AccountEvent): MessageReads {
    let reads = this.byEvent.get(event);
    if (!reads) {
      reads = { loaders: new Map(), notes: new Map() };
      this.byEvent.set(event, reads);
    }
    return reads;
  }
}
