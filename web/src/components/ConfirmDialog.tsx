import type { ReactNode } from "react";

import { DialogActions, ModalDialog } from "./ModalDialog";

interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  /** Styles the confirm button as destructive. */
  readonly danger?: boolean;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * A modal question (Radix Dialog: focus trapped inside, Escape cancels, focus returns to the
 * control that opened it). Cancel has the initial focus so Enter never confirms by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <ModalDialog open={open} title={title} onClose={onCancel}>
      {children}
      <DialogActions focusCancel>
        <button type="button" className={danger ? "button--danger" : "button--primary"} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </DialogActions>
    </ModalDialog>
  );
}
