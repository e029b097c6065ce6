import { useEffect, useId, useRef, useState } from "react";

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
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const chosen = new Set(selected);

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
    <div
      className="multi-select"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={selected.length > 0 ? "multi-select__button multi-select__button--active" : "multi-select__button"}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        {selected.length > 0 ? <span className="multi-select__count"> ({selected.length})</span> : null}
      </button>
      {open ? (
        <div id={panelId} role="group" aria-label={label} className="multi-select__panel">
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
