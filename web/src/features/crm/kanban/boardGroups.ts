import type { KanbanColumn_ColumnFragment } from "../../../__generated__/graphql";
import { addMoney } from "./boardCache";

export interface BoardGroupView {
  /** The group's id as a string, or "none" for statuses without a group. */
  readonly key: string;
  readonly name: string | null;
  readonly totalCount: number;
  readonly accountValueSum: number;
  readonly columns: readonly KanbanColumn_ColumnFragment[];
}

/**
 * The board's columns under their status groups, in board order (the server sends the columns
 * group by group). Group totals are the sums of their columns, so they follow a move at once.
 */
export function groupColumns(columns: readonly KanbanColumn_ColumnFragment[]): BoardGroupView[] {
  const groups: Array<{ key: string; name: string | null; columns: KanbanColumn_ColumnFragment[] }> = [];
  for (const column of columns) {
    const key = column.status.group ? String(column.status.group.id) : "none";
    let group = groups.find((item) => item.key === key);
    if (!group) {
      group = { key, name: column.status.group?.name ?? null, columns: [] };
      groups.push(group);
    }
    group.columns.push(column);
  }
  return groups.map((group) => ({
    ...group,
    totalCount: group.columns.reduce((sum, column) => sum + column.totalCount, 0),
    accountValueSum: group.columns.reduce((sum, column) => addMoney(sum, column.accountValueSum), 0),
  }));
}
