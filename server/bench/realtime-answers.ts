/**
 * realtime-load's checks of each answer's data (after responseProblem found HTTP 200 without
 * GraphQL errors): the shape the web relies on, the write's effect, and — for an SDR — that no
 * account outside their scope comes back. A failed check is an error like an HTTP failure.
 */
import { fromGlobalId } from "../src/graphql/global-id";

/** null when the data is right, else what is wrong. */
export type AnswerCheck = (data: Record<string, unknown>) => string | null;

/** Whether the user may see the account (numeric id); always true for a manager. */
export type ScopeRule = (accountId: number) => boolean;

const accountNumber = (id: string): number => Number(fromGlobalId(id).id);

function outOfScope(ids: readonly string[], inScope: ScopeRule): string | null {
  const foreign = ids.find((id) => !inScope(accountNumber(id)));
  return foreign === undefined ? null : `account ${accountNumber(foreign)} is outside the user's scope`;
}

/** Board: columns, at most `first` cards each, every card in scope. */
export function checkBoard(first: number, inScope: ScopeRule): AnswerCheck {
  return (data) => {
    const columns = (data.board as { columns?: Array<{ cards?: { edges?: Array<{ node: { id: string } }> } }> } | null)?.columns;
    if (!columns?.length) {
      return "board without columns";
    }
    if (columns.some((c) => (c.cards?.edges?.length ?? 0) > first)) {
      return `a column has more than ${first} cards`;
    }
    return outOfScope(
      columns.flatMap((c) => (c.cards?.edges ?? []).map((e) => e.node.id)),
      inScope,
    );
  };
}

/** Accounts page: at most `first` rows, a total at least as large, every row in scope. */
export function checkAccountsPage(first: number, inScope: ScopeRule): AnswerCheck {
  return (data) => {
    const page = data.accounts as { totalCount?: number; edges?: Array<{ node: { id: string } }> } | null;
    if (!Array.isArray(page?.edges)) {
      return "accounts without edges";
    }
    if (page.edges.length > first || (page.totalCount ?? -1) < page.edges.length) {
      return `${page.edges.length} rows of a page of ${first}, totalCount ${page.totalCount ?? "missing"}`;
    }
    return outOfScope(
      page.edges.map((e) => e.node.id),
      inScope,
    );
  };
}

/** Side panel: the account asked for. */
export function checkPanel(id: string): AnswerCheck {
  return (data) => ((data.account as { id?: string } | null)?.id === id ? null : `the side panel answered another account than ${id}`);
}

/** Move: the account, in its new status, one version further. */
export function checkMove(accountId: string, toStatusId: number, version: number): AnswerCheck {
  return (data) => {
    const moved = data.moveAccount as { id: string; version: number; followUpStatus: { id: number } } | null;
    if (moved?.id !== accountId) {
      return "moveAccount answered another account";
    }
    if (moved.followUpStatus.id !== toStatusId) {
      return `status ${moved.followUpStatus.id}, expected ${toStatusId}`;
    }
    return moved.version === version + 1 ? null : `version ${moved.version}, expected ${version + 1}`;
  };
}

/** The new note's id (its event's key), or null when the answer has none. */
export function addedNoteId(data: Record<string, unknown>): string | null {
  return (data.addNote as { id?: string } | null)?.id ?? null;
}
