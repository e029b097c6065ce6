import { Outlet } from "react-router";

import { ErrorBoundary } from "./ErrorBoundary";
import { TopBar } from "./TopBar";

/** The signed-in frame: top bar above the current route. */
export function AppLayout() {
  return (
    <>
      <TopBar />
      <main className="app-main">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
