import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";

interface ModalDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly wide?: boolean;
  readonly children?: ReactNode;
}

/**
 * The app's modal frame (Radix Dialog: focus trapped inside, Escape or a click outside closes it,
 * focus returns to the control that opened it) with its title.
 */
export function ModalDialog({ open, title, onClose, wide, children }: ModalDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className={wide ? "dialog dialog--wide" : "dialog"} aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface DialogActionsProps {
  /** Gives Cancel the initial focus (questions, so Enter never confirms by accident). */
  readonly focusCancel?: boolean;
  /** The confirming button(s), after Cancel. */
  readonly children: ReactNode;
}

/** The dialog's button row: Cancel (closes the dialog) and the caller's confirming button. */
export function DialogActions({ focusCancel, children }: DialogActionsProps) {
  const common = useT(commonMessages);
  return (
    <div className="dialog__actions">
      <Dialog.Close asChild>
        <button type="button" autoFocus={focusCancel}>
          {common.cancel}
        </button>
      </Dialog.Close>
      {children}
    </div>
  );
}

interface DialogSubmitActionsProps {
  readonly submitting: boolean;
  readonly label: string;
  /** Shown on the submit button while the form is submitting. */
  readonly busyLabel: string;
}

/** A dialog form's button row: Cancel and the submit button (disabled while submitting). */
export function DialogSubmitActions({ submitting, label, busyLabel }: DialogSubmitActionsProps) {
  return (
    <DialogActions>
      <button type="submit" className="button--primary" disabled={submitting}>
        {submitting ? busyLabel : label}
      </button>
    </DialogActions>
  );
}
