import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";

import { useT } from "../../lib/i18n";
import { commonMessages } from "../../lib/messages";
import { adminMessages } from "./messages";

/** Admin frame: sub-navigation (users, API tokens, failed background jobs, the playground served by the API) above the page. */
export function AdminLayout() {
  const t = useT(adminMessages);
  const common = useT(commonMessages);
  return (
    <section className="admin">
      <h1>{t.title}</h1>
      <nav aria-label={t.nav.label} className="admin-nav">
        <NavLink to="/admin/users">{t.nav.users}</NavLink>
        <NavLink to="/admin/tokens">{t.nav.tokens}</NavLink>
        <NavLink to="/admin/jobs">{t.nav.jobs}</NavLink>
        {/* A separate page served by the API process (its own entry), so a full navigation. */}
        <a href="/playground">{t.nav.playground}</a>
      </nav>
      {/* The pages are lazy chunks (App.tsx). */}
      <Suspense fallback={<p role="status">{common.loading}</p>}>
        <Outlet />
      </Suspense>
    </section>
  );
}
