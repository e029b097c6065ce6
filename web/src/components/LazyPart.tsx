import { Suspense, type ReactNode } from "react";

import { ErrorBoundary } from "./ErrorBoundary";

interface LazyPartProps {
  /** Shown while the part's chunk downloads (nothing by default, e.g. for a closed panel). */
  readonly fallback?: ReactNode;
  readonly children: ReactNode;
}

/**
 * A lazily loaded part of a page (a CRM view, a panel): the fallback while its chunk downloads,
 * and when the download or its render fails an alert with Reload in place of that part only, so
 * the filter bar and the other parts keep working (without it the page's boundary replaces it all).
 */
export function LazyPart({ fallback = null, children }: LazyPartProps) {
  return (
    <ErrorBoundary>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ErrorBoundary>
  );
}
