import { Outlet, useLocation } from "react-router";

import { ErrorBoundary } from "./ErrorBoundary";
import { TopBar } from "./TopBar";

/** The signed-in frame: top bar above the current route. */
export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <>
      <TopBar />
      <main className="app-main">
        {/* Keyed by page: a crashed page recovers when the user navigates elsewhere. */}
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
