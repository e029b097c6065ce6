import { usePopover } from "../../../components/usePopover";
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
  const popover = usePopover();
  const visibleCount = columns.filter((column) => column.visible).length;

  const toggle = (key: ListColumnKey) =>
    onChange(columns.map((column) => (column.key === key ? { ...column, visible: !column.visible } : column)));

  return (
    <div className="column-chooser" {...popover.rootProps}>
      <button {...popover.buttonProps} type="button" onClick={popover.toggle}>
        {t.columnsButton}
      </button>
      {popover.open ? (
        <div id={popover.panelId} role="group" aria-label={t.columnsTitle} className="column-chooser__panel">
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
