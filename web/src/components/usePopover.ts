import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/**
 * A button-opened panel (filter menus, the column chooser): a click outside closes it, Escape
 * closes it and returns focus to the button. Spread `rootProps` on the wrapper holding both.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

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

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  return {
    open,
    toggle: () => setOpen((value) => !value),
    panelId,
    rootProps: { ref: rootRef, onKeyDown },
    buttonProps: { ref: buttonRef, "aria-expanded": open, "aria-controls": panelId },
  } as const;
}
