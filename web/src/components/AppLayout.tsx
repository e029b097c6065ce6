import { Outlet, useLocation } from "react-router";

import { useT } from "../lib/i18n";
import { commonMessages } from "../lib/messages";
import { ErrorBoundary } from "./ErrorBoundary";
import { TopBar } from "./TopBar";

/** The signed-in frame: top bar above the current route. */
export function AppLayout() {
  const { pathname } = useLocation();
  const common = useT(commonMessages);
  return (
    <>
      {/* Keyboard users skip the top bar and filters' worth of tab stops. */}
      <a className="skip-link" href="#main">
        {common.skipToContent}
      </a>
      <TopBar />
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Keyed by page: a crashed page recovers when the user navigates elsewhere. */}
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
