import type { DraggableProvided } from "@hello-pangea/dnd";
import { memo, type CSSProperties, type KeyboardEvent } from "react";

import type { KanbanCard_AccountFragment } from "../../../__generated__/graphql";
import { useI18n, useT } from "../../../lib/i18n";
import { notesMessages } from "../../account-panel/notes/messages";
import { useCardChanged } from "../realtime/changedCards";
import { kanbanMessages } from "./messages";

/** Every card has this height (plus the gap), so a column can be virtualized without measuring. */
export const cardHeight = 92;
export const cardGap = 8;

interface KanbanCardProps {
  readonly card: KanbanCard_AccountFragment;
  readonly provided: DraggableProvided;
  /** Where the virtual list puts the card; the library adds its own transform while dragging. */
  readonly style?: CSSProperties;
  readonly isDragging?: boolean;
  readonly isOpen?: boolean;
  readonly isMoving?: boolean;
  readonly onOpen: (accountId: string) => void;
}

/**
 * One account on the board: company, contact, executive, value, last and next activity, and where
 * its Respond.io lead sync stands (a small badge; the reason of a failure or skip on hover). The whole
 * card is the drag handle (mouse, touch, or keyboard: space lifts, arrows move, space drops); a
 * click or Enter opens the side panel.
 */
export const KanbanCard = memo(function KanbanCard({ card, provided, style, isDragging, isOpen, isMoving, onOpen }: KanbanCardProps) {
  const t = useT(kanbanMessages);
  const notesT = useT(notesMessages);
  const { format } = useI18n();
  const next = card.nextScheduledActivity;
  const sync = card.respondioSync;
  const nextText = next?.scheduledDate
    ? `${t.nextActivity}: ${next.action ? `${notesT.actions[next.action]} ` : ""}${format.date(next.scheduledDate)}`
    : "";
  // Moved or changed by a colleague a moment ago: a short highlight says why the board changed.
  const changed = useCardChanged(card.id);
  const classes = [
    "kanban-card",
    isDragging ? "kanban-card--dragging" : "",
    isOpen ? "kanban-card--open" : "",
    isMoving ? "kanban-card--moving" : "",
    changed ? "kanban-card--changed" : "",
  ];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Space belongs to the drag library (lift/drop); Enter opens, like a row of the list.
    if (!event.defaultPrevented && event.key === "Enter") {
      event.preventDefault();
      onOpen(card.id);
    }
  }

  return (
    <div
      ref={provided.innerRef}
      {...provided.draggableProps}
      {...provided.dragHandleProps}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(card.id)}
      className={classes.filter(Boolean).join(" ")}
      style={{ ...style, ...provided.draggableProps.style }}
      data-account-id={card.id}
      aria-busy={isMoving || undefined}
    >
      <div className="kanban-card__inner">
        <span className="kanban-card__row">
          <strong className="kanban-card__company">{card.companyName}</strong>
          {sync ? (
            <span className={`kanban-card__sync kanban-card__sync--${sync.status.toLowerCase()}`} title={sync.lastError ?? undefined}>
              <span className="visually-hidden">{t.sync.label}: </span>
              {t.sync[sync.status]}
            </span>
          ) : null}
        </span>
        <span className="kanban-card__contact">{card.name}</span>
        <span className="kanban-card__row">
          <span className="kanban-card__salesman">
            <span className="visually-hidden">{t.salesman}: </span>
            {card.salesman?.name ?? t.noSalesman}
          </span>
          <span className="kanban-card__value">
            <span className="visually-hidden">{t.value}: </span>
            {format.money(card.followUpData?.accountValue ?? 0)}
          </span>
        </span>
        <span className="kanban-card__row kanban-card__activity">
          <span>
            <span className="visually-hidden">{t.lastActivity}: </span>
            {card.lastActivityAt ? format.date(card.lastActivityAt) : t.noActivity}
          </span>
          {next?.scheduledDate ? (
            <span className="kanban-card__next" title={nextText}>
              {nextText}
            </span>
          ) : null}
        </span>
      </div>
    </div>
  );
});
