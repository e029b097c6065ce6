import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";

export type ToastKind = "success" | "error" | "info";

export interface ToastAction {
  readonly label: string;
  readonly onClick: () => void;
}

export interface ToastOptions {
  /** A button in the toast (e.g. "Undo", "Reload"); clicking it also dismisses the toast. */
  readonly action?: ToastAction;
}

interface ToastItem {
  readonly id: number;
  readonly kind: ToastKind;
  readonly message: string;
  readonly action?: ToastAction;
}

export interface ToastApi {
  readonly success: (message: string, options?: ToastOptions) => number;
  readonly error: (message: string, options?: ToastOptions) => number;
  readonly info: (message: string, options?: ToastOptions) => number;
  readonly dismiss: (id: number) => void;
}

/** How long a toast stays; errors stay until dismissed, since the user may need to read them twice. */
const autoDismissMs: Readonly<Record<ToastKind, number | null>> = { success: 5000, info: 5000, error: null };

const ToastContext = createContext<ToastApi | null>(null);

/** Holds the toasts of the app and renders them in a live region so screen readers announce them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const api = useMemo<ToastApi>(() => {
    const push = (kind: ToastKind) => (message: string, options: ToastOptions = {}) => {
      const id = nextId.current++;
      setToasts((current) => [...current, { id, kind, message, action: options.action }]);
      return id;
    };
    return { success: push("success"), error: push("error"), info: push("info"), dismiss };
  }, [dismiss]);

  return (
    <ToastContext value={api}>
      {children}
      <ol className="toasts" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </ol>
    </ToastContext>
  );
}

function ToastView({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  const messages = useT(commonMessages);
  useEffect(() => {
    const delay = autoDismissMs[toast.kind];
    if (delay === null) {
      return undefined;
    }
    const timer = setTimeout(() => onDismiss(toast.id), delay);
    return () => clearTimeout(timer);
  }, [onDismiss, toast.id, toast.kind]);

  return (
    <li className={`toast toast--${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <span className="toast__message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            toast.action?.onClick();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="toast__close" aria-label={messages.close} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}

/** Shows result messages: `toast.success(t.saved)`, `toast.error(toMessage(error))`. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) {
    throw new Error("useToast needs a <ToastProvider> above it");
  }
  return api;
}
