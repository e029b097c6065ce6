import * as Dialog from "@radix-ui/react-dialog";
import { useId } from "react";

import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { tokenMessages } from "./messages";

/**
 * Shows a new token's secret once, with a copy button. Only the explicit "I have copied it"
 * closes it (no click-outside), so the secret is not lost by accident.
 */
export function TokenSecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useT(tokenMessages);
  const toast = useToast();
  const inputId = useId();

  async function copy(value: string) {
    try {
      await navigator.clipboard.writeText(value);
      toast.success(t.copied);
    } catch {
      toast.error(t.copyFailed);
    }
  }

  return (
    <Dialog.Root open={secret !== null}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content
          className="dialog"
          onEscapeKeyDown={(event) => event.preventDefault()}
          onPointerDownOutside={(event) => event.preventDefault()}
        >
          <Dialog.Title className="dialog__title">{t.secretTitle}</Dialog.Title>
          <Dialog.Description>{t.secretBody}</Dialog.Description>
          <label htmlFor={inputId}>{t.secretLabel}</label>
          <div className="token-secret">
            <input id={inputId} readOnly value={secret ?? ""} onFocus={(event) => event.currentTarget.select()} />
            <button type="button" onClick={() => void copy(secret ?? "")}>
              {t.copy}
            </button>
          </div>
          <div className="dialog__actions">
            <button type="button" className="button--primary" onClick={onClose}>
              {t.done}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
