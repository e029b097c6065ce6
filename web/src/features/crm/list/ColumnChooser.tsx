import { useEffect, useId, useRef, useState } from "react";

import { useT } from "../../../lib/i18n";
import type { ListColumnKey } from "./columns";
import { listMessages } from "./messages";
import { moveColumn, type ColumnPreference } from "./tablePreferences";

interface ColumnChooserProps {
  readonly columns: readonly ColumnPreference[];
  readonly headers: Readonly<Record<ListColumnKey, string>>;
  readonly onChange: (columns: readonly ColumnPreference[]) => void;
  readonly onReset: () => void;
}

/** "Columns" menu: show/hide each column and move it up or down; the last visible column cannot be hidden. */
export function ColumnChooser({ columns, headers, onChange, onReset }: ColumnChooserProps) {
  const t = useT(listMessages);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const visibleCount = columns.filter((column) => column.visible).length;

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, [open]);

  const toggle = (key: ListColumnKey) =>
    onChange(columns.map((column) => (column.key === key ? { ...column, visible: !column.visible } : column)));

  return (
    <div
      className="column-chooser"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t.columnsButton}
      </button>
      {open ? (
        <div id={panelId} role="group" aria-label={t.columnsTitle} className="column-chooser__panel">
          <ul className="column-chooser__list">
            {columns.map((column, index) => {
              const header = headers[column.key];
              return (
                <li key={column.key} className="column-chooser__item">
                  <label>
                    <input
                      type="checkbox"
                      checked={column.visible}
                      disabled={column.visible && visibleCount === 1}
                      onChange={() => toggle(column.key)}
                    />
                    {header}
                  </label>
                  <span className="column-chooser__moves">
                    <button
                      type="button"
                      aria-label={t.moveUp(header)}
                      disabled={index === 0}
                      onClick={() => onChange(moveColumn(columns, column.key, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t.moveDown(header)}
                      disabled={index === columns.length - 1}
                      onClick={() => onChange(moveColumn(columns, column.key, 1))}
                    >
                      ↓
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <button type="button" onClick={onReset}>
            {t.resetColumns}
          </button>
        </div>
      ) : null}
    </div>
  );
}
