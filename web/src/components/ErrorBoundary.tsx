import { Component, type ErrorInfo, type ReactNode } from "react";

import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";

interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Replaces the default fallback (a message and a reload button). */
  readonly fallback?: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/** Catches render errors below it so one broken view does not blank the whole app. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // No error reporting service yet; the console is where a developer looks.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) {
      return this.props.children;
    }
    return this.props.fallback ?? <ErrorFallback />;
  }
}

function ErrorFallback() {
  const messages = useT(commonMessages);
  return (
    <div role="alert" className="error-fallback">
      <p>{messages.errorBoundary.title}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {messages.errorBoundary.reload}
      </button>
    </div>
  );
}
