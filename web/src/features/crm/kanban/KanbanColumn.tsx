import { Draggable, Droppable, type DroppableProvided } from "@hello-pangea/dnd";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef } from "react";

import { LoadError } from "../../../components/LoadError";
import type { KanbanCard_AccountFragment, KanbanColumn_ColumnFragment } from "../../../__generated__/graphql";
import { useI18n, useT } from "../../../lib/i18n";
import { cardGap, cardHeight, KanbanCard } from "./KanbanCard";
import { kanbanMessages } from "./messages";

/** Ask for the next page this many cards before the end, so scrolling rarely waits. */
const prefetchCards = 10;

export interface KanbanColumnProps {
  readonly column: KanbanColumn_ColumnFragment;
  readonly loadingMore: boolean;
  readonly loadError: Error | undefined;
  readonly openAccountId: string | null;
  /** Cards whose move is on its way to the server (not draggable until it answers). */
  readonly movingIds: ReadonlySet<string>;
  readonly onEndReached: (statusId: number) => void;
  readonly onRetry: (statusId: number) => void;
  readonly onOpenAccount: (accountId: string) => void;
}

/**
 * One status of the board: its name, count and value sum, and its cards in a virtualized drop
 * list (only the cards in view, plus a few, are in the DOM), fetching more near the end.
 */
export const KanbanColumn = memo(function KanbanColumn(props: KanbanColumnProps) {
  const { column, openAccountId, movingIds, onOpenAccount } = props;
  const t = useT(kanbanMessages);
  const { format } = useI18n();
  const cards = useMemo(() => column.cards.edges.map((edge) => edge.node), [column.cards.edges]);
  const count = format.number(column.totalCount);
  const value = format.money(column.accountValueSum);

  return (
    <section className="kanban-column" aria-label={t.columnLabel(column.status.name, column.totalCount, count, value)}>
      <header className="kanban-column__header" style={{ borderTopColor: column.status.color }}>
        <h3 className="kanban-column__title">{column.status.name}</h3>
        <span className="kanban-column__totals" aria-hidden="true">
          <span className="kanban-column__count">{t.columnCount(column.totalCount, count)}</span>
          <span className="kanban-column__sum">{value}</span>
        </span>
        <span hidden data-testid="kanban-column-count">
          {column.totalCount}
        </span>
      </header>
      <Droppable
        droppableId={String(column.status.id)}
        mode="virtual"
        renderClone={(provided, snapshot, rubric) => {
          const card = cards[rubric.source.index];
          return card ? <KanbanCard card={card} provided={provided} isDragging={snapshot.isDragging} onOpen={onOpenAccount} /> : <div ref={provided.innerRef} />;
        }}
      >
        {(provided, snapshot) => (
          <CardList
            {...props}
            cards={cards}
            provided={provided}
            // The library shows no placeholder in a virtual list: one more slot makes room for the drop.
            extraSlot={snapshot.isUsingPlaceholder}
            openAccountId={openAccountId}
            movingIds={movingIds}
          />
        )}
      </Droppable>
    </section>
  );
});

interface CardListProps extends KanbanColumnProps {
  readonly cards: readonly KanbanCard_AccountFragment[];
  readonly provided: DroppableProvided;
  readonly extraSlot: boolean;
}

function CardList({ column, cards, provided, extraSlot, loadingMore, loadError, openAccountId, movingIds, onEndReached, onRetry, onOpenAccount }: CardListProps) {
  const t = useT(kanbanMessages);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const { innerRef } = provided;
  const setRefs = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      innerRef(element);
    },
    [innerRef],
  );
  const virtualizer = useVirtualizer({
    count: cards.length + (extraSlot ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + cardGap,
    getItemKey: (index) => cards[index]?.id ?? "drop-slot",
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? -1;
  const statusId = column.status.id;
  const hasNextPage = column.cards.pageInfo.hasNextPage;

  useEffect(() => {
    if (hasNextPage && cards.length > 0 && lastVisible >= cards.length - prefetchCards) {
      onEndReached(statusId);
    }
  }, [cards.length, hasNextPage, lastVisible, onEndReached, statusId]);

  return (
    <div ref={setRefs} {...provided.droppableProps} className="kanban-column__cards">
      <div className="kanban-column__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const card = cards[item.index];
          if (!card) {
            return null;
          }
          return (
            <Draggable key={card.id} draggableId={card.id} index={item.index} isDragDisabled={movingIds.has(card.id)}>
              {(draggable, snapshot) => (
                <KanbanCard
                  card={card}
                  provided={draggable}
                  style={{ position: "absolute", top: item.start, left: 0, right: 0, height: cardHeight }}
                  isDragging={snapshot.isDragging}
                  isOpen={card.id === openAccountId}
                  isMoving={movingIds.has(card.id)}
                  onOpen={onOpenAccount}
                />
              )}
            </Draggable>
          );
        })}
      </div>
      {cards.length === 0 && !extraSlot ? <p className="kanban-column__empty">{t.emptyColumn}</p> : null}
      {loadingMore ? (
        <p role="status" className="kanban-column__more">
          {t.loadingMore}
        </p>
      ) : null}
      {loadError ? <LoadError error={loadError} lead={t.loadMoreFailed} className="kanban-column__more" onRetry={() => onRetry(statusId)} /> : null}
    </div>
  );
}
