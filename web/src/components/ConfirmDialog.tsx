import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";

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
  const common = useT(commonMessages);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onCancel())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          {children}
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <button type="button" autoFocus>
                {common.cancel}
              </button>
            </Dialog.Close>
            <button type="button" className={danger ? "button--danger" : "button--primary"} disabled={busy} onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
