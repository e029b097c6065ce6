import { DragDropContext, type DragStart, type DragUpdate, type DropResult, type ResponderProvided } from "@hello-pangea/dnd";
import { useCallback, useMemo } from "react";

import { LoadError } from "../../../components/LoadError";
import { useI18n, useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useMe } from "../../auth/useMe";
import { ExportAllButton } from "../list/ExportAllButton";
import type { CrmViewProps } from "../views";
import { groupColumns } from "./boardGroups";
import { KanbanColumn } from "./KanbanColumn";
import { kanbanMessages } from "./messages";
import { useBoard } from "./useBoard";
import { useCollapsedGroups } from "./useCollapsedGroups";
import { useBoardMove } from "./useMoveCard";

import "./kanban.css";

const noColumns: readonly string[] = [];

/**
 * The Kanban view: the filtered accounts in one column per follow-up status, under collapsible
 * status groups, with counts and MXN value sums. Dragging a card (mouse or keyboard) moves the
 * account at once and rolls back with a message when the server refuses.
 */
export function KanbanView({ filter, openAccountId, onOpenAccount }: CrmViewProps) {
  const t = useT(kanbanMessages);
  const common = useT(commonMessages);
  const { format } = useI18n();
  const { viewer } = useMe();
  const board = useBoard(filter);
  const { movingIds, moveCard } = useBoardMove();
  const { collapsed, toggle } = useCollapsedGroups(viewer?.id ?? "anonymous");
  const groups = useMemo(() => groupColumns(board.columns), [board.columns]);

  const columnName = useCallback(
    (droppableId: string | undefined) => board.columns.find((column) => String(column.status.id) === droppableId)?.status.name ?? "",
    [board.columns],
  );
  const findCard = useCallback(
    (droppableId: string, index: number) => board.columns.find((column) => String(column.status.id) === droppableId)?.cards.edges[index]?.node,
    [board.columns],
  );

  const onDragStart = useCallback(
    (start: DragStart, provided: ResponderProvided) => {
      const card = findCard(start.source.droppableId, start.source.index);
      provided.announce(t.announce.lifted(card?.companyName ?? "", columnName(start.source.droppableId)));
    },
    [columnName, findCard, t],
  );

  const onDragUpdate = useCallback(
    (update: DragUpdate, provided: ResponderProvided) => {
      if (update.destination) {
        provided.announce(t.announce.over(columnName(update.destination.droppableId)));
      }
    },
    [columnName, t],
  );

  const onDragEnd = useCallback(
    (result: DropResult, provided: ResponderProvided) => {
      const card = findCard(result.source.droppableId, result.source.index);
      const target = board.columns.find((column) => String(column.status.id) === result.destination?.droppableId);
      if (!card || !target || result.reason === "CANCEL") {
        provided.announce(t.announce.cancelled(card?.companyName ?? ""));
        return;
      }
      provided.announce(t.announce.dropped(card.companyName, target.status.name));
      // Within a column the server's order (newest-updated first) decides: nothing to save.
      if (target.status.id === card.followUpStatus.id) {
        return;
      }
      void moveCard(card, target.status);
    },
    [board.columns, findCard, moveCard, t],
  );

  return (
    <section className="kanban-view" aria-label={t.boardLabel} aria-busy={board.loading}>
      <div className="kanban-view__summary">
        <span aria-live="polite">{t.groupSummary(board.totalCount, format.number(board.totalCount), format.money(board.accountValueSum))}</span>
        <span hidden data-testid="kanban-total">
          {board.totalCount}
        </span>
        <span className="kanban-view__hint">{t.dragHint}</span>
        {/* The board's filter; the file's columns are the server's default, the viewer's list columns. */}
        <ExportAllButton filter={filter} orderBy={undefined} columns={noColumns} />
      </div>
      {board.error ? <LoadError error={board.error} onRetry={board.refetch} /> : null}
      {board.loading && board.columns.length === 0 ? <p role="status">{common.loading}</p> : null}
      {!board.loading && !board.error && board.columns.length > 0 && board.totalCount === 0 ? (
        <p className="empty-state">{t.empty}</p>
      ) : null}
      <DragDropContext onDragStart={onDragStart} onDragUpdate={onDragUpdate} onDragEnd={onDragEnd} dragHandleUsageInstructions={t.dragHint}>
        <div className="kanban-board">
          {groups.map((group) => {
            const isCollapsed = collapsed.has(group.key);
            const name = group.name ?? t.otherGroup;
            const regionId = `kanban-group-${group.key}`;
            return (
              <div key={group.key} className={isCollapsed ? "kanban-group kanban-group--collapsed" : "kanban-group"}>
                <button
                  type="button"
                  className="kanban-group__toggle"
                  aria-expanded={!isCollapsed}
                  aria-controls={regionId}
                  title={t.groupToggle(name)}
                  onClick={() => toggle(group.key)}
                >
                  <span className="kanban-group__name">{name}</span>
                  <span className="kanban-group__summary">
                    {t.groupSummary(group.totalCount, format.number(group.totalCount), format.money(group.accountValueSum))}
                  </span>
                </button>
                <div id={regionId} className="kanban-group__columns" hidden={isCollapsed}>
                  {isCollapsed
                    ? null
                    : group.columns.map((column) => (
                        <KanbanColumn
                          key={column.status.id}
                          column={column}
                          loadingMore={board.loadingColumns.has(column.status.id)}
                          loadError={board.columnErrors.get(column.status.id)}
                          openAccountId={openAccountId}
                          movingIds={movingIds}
                          onEndReached={board.loadMore}
                          onRetry={board.retryColumn}
                          onOpenAccount={onOpenAccount}
                        />
                      ))}
                </div>
              </div>
            );
          })}
        </div>
      </DragDropContext>
    </section>
  );
}
