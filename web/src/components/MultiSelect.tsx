import { usePopover } from "./usePopover";

export interface MultiSelectOption {
  readonly value: string;
  readonly label: string;
}

interface MultiSelectProps {
  /** The button's name and the group's label ("Status"). */
  readonly label: string;
  readonly options: readonly MultiSelectOption[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly emptyText: string;
}

/**
 * A filter button opening a group of checkboxes. Escape or a click outside closes it and focus
 * returns to the button; the button shows how many options are picked.
 */
export function MultiSelect({ label, options, selected, onChange, emptyText }: MultiSelectProps) {
  const popover = usePopover();
  const chosen = new Set(selected);

  function toggle(value: string) {
    const next = new Set(chosen);
    if (next.has(value)) {
      next.delete(value);
    } else {
      next.add(value);
    }
    // Keep the options' order so URLs do not depend on click order.
    onChange(options.map((option) => option.value).filter((optionValue) => next.has(optionValue)));
  }

  return (
    <div className="multi-select" {...popover.rootProps}>
      <button
        {...popover.buttonProps}
        type="button"
        className={selected.length > 0 ? "multi-select__button multi-select__button--active" : "multi-select__button"}
        onClick={popover.toggle}
      >
        {label}
        {selected.length > 0 ? <span className="multi-select__count"> ({selected.length})</span> : null}
      </button>
      {popover.open ? (
        <div id={popover.panelId} role="group" aria-label={label} className="multi-select__panel">
          {options.length === 0 ? <p className="multi-select__empty">{emptyText}</p> : null}
          {options.map((option) => (
            <label key={option.value} className="multi-select__option">
              <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
