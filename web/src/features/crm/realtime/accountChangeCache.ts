import type { ApolloCache, DocumentNode, Reference } from "@apollo/client";

import {
  AccountChanges_AccountFragmentDoc,
  AccountsTable_AccountFragmentDoc,
  DetailsTab_AccountFragmentDoc,
  KanbanCard_AccountFragmentDoc,
  NoteItem_NoteFragmentDoc,
  PanelHeader_AccountFragmentDoc,
  type AccountChangedSubscription,
  type KanbanCard_AccountFragment,
  type NoteItem_NoteFragment,
} from "../../../__generated__/graphql";
import { prependNote } from "../../account-panel/notes/useAddNote";
import { changeCardValueInBoards, dropBoards, insertCardInBoard, moveCardInBoards, removeCardFromBoards, settleMoveOutsideLoaded } from "../kanban/boardCache";

/*
 * How one `accountChanged` event lands in the normalized cache. The account comes with the fields
 * of the Kanban card, the list row and the side panel, so writing it refreshes all three in place;
 * what normalization cannot do (a card changing columns, counts and sums, a row leaving a list, a
 * note at the top of a timeline) is done here with the same helpers the viewer's own writes use.
 * The viewer's own changes come back as events too: they find the cache already agreeing with
 * them (same status, same value, note already listed) and change nothing.
 */

/** One event of the subscription. */
export type AccountChange = AccountChangedSubscription["accountChanged"];
type ChangedAccount = NonNullable<AccountChange["account"]>;

/** The concrete types of the Account interface: the cache keys an account by `<type>:<id>`. */
const accountTypenames = ["Prospect", "PartnerProspect", "Client"] as const;

/** The fragments an event's account refreshes (the card, the list row, the panel's header and details). */
const accountFragments: ReadonlyArray<{ readonly fragment: DocumentNode; readonly fragmentName: string }> = [
  { fragment: KanbanCard_AccountFragmentDoc, fragmentName: "KanbanCard_account" },
  { fragment: AccountsTable_AccountFragmentDoc, fragmentName: "AccountsTable_account" },
  { fragment: PanelHeader_AccountFragmentDoc, fragmentName: "PanelHeader_account" },
  { fragment: DetailsTab_AccountFragmentDoc, fragmentName: "DetailsTab_account" },
];

/** What an event did to the screen. */
export interface AppliedChange {
  /** A card on the viewer's boards changed column or value because of it (worth a short highlight). */
  readonly cardChanged: boolean;
  /** Some filtered board cannot tell whether it shows the account now: it is to be read again. */
  readonly boardsUnsure: boolean;
}

const nothing: AppliedChange = { cardChanged: false, boardsUnsure: false };

/** The cache ids an account may have: only its global id is sure, its type may be any of the three. */
export function accountRefsOf(cache: ApolloCache, accountId: string): ReadonlySet<string> {
  return new Set(accountTypenames.flatMap((typename) => cache.identify({ __typename: typename, id: accountId }) ?? []));
}

interface CachedCard {
  readonly ref: string;
  readonly statusId: number;
  readonly value: number;
}

/** The account's Kanban card as the cache holds it now (the boards' counts and sums were made from it). */
function cachedCard(cache: ApolloCache, accountId: string): CachedCard | null {
  for (const ref of accountRefsOf(cache, accountId)) {
    const card = cache.readFragment<KanbanCard_AccountFragment>({ id: ref, fragment: KanbanCard_AccountFragmentDoc, fragmentName: "KanbanCard_account" });
    if (card) {
      return { ref, statusId: card.followUpStatus.id, value: card.followUpData?.accountValue ?? 0 };
    }
  }
  return null;
}

/** Whether the cache holds the account at all (any view loaded it). */
export function isAccountCached(cache: ApolloCache, accountId: string): boolean {
  return [...accountRefsOf(cache, accountId)].some((ref) => cache.readFragment({ id: ref, fragment: AccountChanges_AccountFragmentDoc }) !== null);
}

/** Writes the account's fields the views show; every query holding it re-renders with them. */
function writeAccount(cache: ApolloCache, account: ChangedAccount): void {
  const data = account as ChangedAccount & { __typename?: string };
  for (const { fragment, fragmentName } of accountFragments) {
    cache.writeFragment({ fragment, fragmentName, data });
  }
}

/** A card value as the boards sum it. */
function valueOf(account: ChangedAccount): number {
  return account.followUpData?.accountValue ?? 0;
}

interface StoredConnection {
  readonly edges: ReadonlyArray<{ readonly node: Reference }>;
  readonly totalCount?: number;
}

/** The account's row leaves every cached accounts list (and their totals). */
export function removeRowFromLists(cache: ApolloCache, refs: ReadonlySet<string>): void {
  cache.modify({
    fields: {
      accounts(stored) {
        const connection = stored as StoredConnection;
        const edges = connection.edges.filter((edge) => !refs.has(edge.node.__ref));
        if (edges.length === connection.edges.length) {
          return stored;
        }
        const totalCount = connection.totalCount === undefined ? undefined : Math.max(0, connection.totalCount - 1);
        return { ...connection, edges, ...(totalCount === undefined ? {} : { totalCount }) };
      },
    },
  });
}

/** Puts a colleague's note at the top of the account's timeline, if the timeline is cached and lacks it. */
function addNoteToTimeline(cache: ApolloCache, account: { readonly __typename?: string; readonly id: string }, note: NoteItem_NoteFragment): void {
  const data = { ...note, __typename: "Note" as const };
  cache.writeFragment({ fragment: NoteItem_NoteFragmentDoc, fragmentName: "NoteItem_note", data });
  prependNote(cache, account, data);
}

/**
 * Applies one event (any kind but CREATED, which useAccountChanges batches: see
 * applyCreatedAccounts) to the cache:
 * - REMOVED or leftScope: the card and the row leave the boards and lists (counts and sums down);
 *   the account itself stays, so a side panel open on it is not yanked away.
 * - MOVED / UPDATED: the account's fields are written; a status that differs from the cached card's
 *   moves the card between columns, a different value moves the sums (an echo of the viewer's own
 *   move finds the card already in place and changes nothing). The timeline of a moved account is
 *   dropped, so an open panel reads it again with the status-change note.
 * - NOTE_ADDED: the note goes to the top of the account's cached timeline.
 * An account the cache never loaded is not written (no view shows it), unless a move puts its card
 * on top of a column of the unfiltered board (settleUnloadedMove).
 */
export function applyAccountChange(cache: ApolloCache, change: AccountChange): AppliedChange {
  const before = cachedCard(cache, change.accountId);
  const known = before !== null || isAccountCached(cache, change.accountId);
  if (change.leftScope || change.kind === "REMOVED") {
    // First, while the boards that loaded the card still hold it (they are not the ones settled).
    const boardsUnsure = change.account && !change.leftScope ? settleUnloadedRemoval(cache, change.account) : false;
    if (change.account && known && !change.leftScope) {
      writeAccount(cache, change.account);
    }
    const refs = accountRefsOf(cache, change.accountId);
    removeCardFromBoards(cache, refs, before?.value ?? 0);
    removeRowFromLists(cache, refs);
    return { ...nothing, boardsUnsure };
  }
  const account = change.account;
  if (!account) {
    return nothing;
  }
  const applied = known ? applyToLoaded(cache, change, account, before) : nothing;
  return { ...applied, boardsUnsure: settleUnloadedMove(cache, change, account) };
}

/** A change to an account some view loaded: its fields, its note, and its card where boards hold it. */
function applyToLoaded(cache: ApolloCache, change: AccountChange, account: ChangedAccount, before: CachedCard | null): AppliedChange {
  writeAccount(cache, account);
  if (change.kind === "NOTE_ADDED" && change.note) {
    addNoteToTimeline(cache, account as ChangedAccount & { __typename?: string }, change.note);
  }
  if (!before) {
    return nothing;
  }
  let cardChanged = false;
  if (valueOf(account) !== before.value) {
    // Before the move: the card's column still holds the old value in its sum.
    changeCardValueInBoards(cache, before.ref, before.value, valueOf(account), account.version);
    cardChanged = true;
  }
  if (account.followUpStatus.id !== before.statusId) {
    moveCardInBoards(cache, { card: account, fromStatusId: before.statusId, toStatusId: account.followUpStatus.id });
    cache.evict({ id: before.ref, fieldName: "notes" });
    cardChanged = true;
  }
  return { cardChanged, boardsUnsure: false };
}

/**
 * A move the boards that had not loaded the card still count (a long column shows its first cards
 * only): the unfiltered board moves its counts and puts the card on top of its new column; a
 * filtered board that cannot tell whether the card matches its filter is reported, to be read again.
 */
function settleUnloadedMove(cache: ApolloCache, change: AccountChange, account: ChangedAccount): boolean {
  const fromStatusId = change.fromStatus?.id;
  const toStatusId = account.followUpStatus.id;
  const cardRef = cache.identify(account as ChangedAccount & { __typename?: string });
  // A removed account is on no board (boards show accounts in process and registered).
  if (change.kind !== "MOVED" || fromStatusId === undefined || fromStatusId === toStatusId || !cardRef || account.status === "REMOVED") {
    return false;
  }
  if (!isAccountCached(cache, change.accountId)) {
    // Not loaded anywhere yet: the unfiltered board may show it now.
    writeAccount(cache, account);
  }
  return settleMoveOutsideLoaded(cache, { cardRef, fromStatusId, toStatusId, value: valueOf(account) });
}

/**
 * A removal the boards that had not loaded the card still count: the unfiltered board takes it out
 * of its column's count and sum, a filtered board that may have counted it is reported. Once per
 * account: an account this cache already holds as removed (the viewer's own removal read back, or
 * the same event again) was counted out already; a new one is written, so a repeat finds it so.
 */
function settleUnloadedRemoval(cache: ApolloCache, account: ChangedAccount): boolean {
  const cardRef = cache.identify(account as ChangedAccount & { __typename?: string });
  const cached = cardRef ? cache.readFragment({ id: cardRef, fragment: PanelHeader_AccountFragmentDoc, fragmentName: "PanelHeader_account" }) : null;
  if (!cardRef || cached?.status === "REMOVED") {
    return false;
  }
  if (!cached) {
    writeAccount(cache, account);
  }
  return settleMoveOutsideLoaded(cache, { cardRef, fromStatusId: account.followUpStatus.id, value: valueOf(account) });
}

/** At most this many new accounts of one batch are placed on the board one by one; more is an import: re-read instead. */
export const placeCreatedAtMost = 20;

/**
 * Applies a batch of CREATED events at once. Accounts the cache already holds (the viewer's own,
 * read back by their own mutation) are skipped. A few new accounts go to the top of their column
 * in the unfiltered board; whether a filtered board or an accounts list (sorted, paged) shows them
 * is the server's to say, so those are dropped from the cache and the ones on screen read again —
 * once per batch, however many accounts it holds (a CSV import of 10,000 rows is one re-read).
 * Returns how many accounts were new to the cache.
 */
export function applyCreatedAccounts(cache: ApolloCache, changes: readonly AccountChange[]): number {
  const fresh = new Map<string, ChangedAccount>();
  for (const change of changes) {
    if (change.account && !change.leftScope && !isAccountCached(cache, change.accountId)) {
      fresh.set(change.accountId, change.account);
    }
  }
  if (fresh.size === 0) {
    return 0;
  }
  const placeEach = fresh.size <= placeCreatedAtMost;
  if (placeEach) {
    for (const account of fresh.values()) {
      writeAccount(cache, account);
      const cardRef = cache.identify(account as ChangedAccount & { __typename?: string });
      if (cardRef) {
        insertCardInBoard(cache, { cardRef, statusId: account.followUpStatus.id, value: valueOf(account) });
      }
    }
  }
  cache.evict({ id: "ROOT_QUERY", fieldName: "accounts" });
  dropBoards(cache, { keepUnfiltered: placeEach });
  cache.gc();
  return fresh.size;
}
