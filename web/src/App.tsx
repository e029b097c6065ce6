import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router";

import { AppLayout } from "./components/AppLayout";
import { AdminLayout } from "./features/admin/AdminLayout";
import { RequireAdmin } from "./features/admin/RequireAdmin";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireGuest, RequireViewer } from "./features/auth/RouteGuards";
import { CrmPage } from "./features/crm/CrmPage";

// The admin pages are their own chunks (AdminLayout shows a loading line meanwhile): most users never open them.
const UsersPage = lazy(() => import("./features/admin/users/UsersPage").then((module) => ({ default: module.UsersPage })));
const ApiTokensPage = lazy(() => import("./features/admin/tokens/ApiTokensPage").then((module) => ({ default: module.ApiTokensPage })));
const BackgroundJobsPage = lazy(() => import("./features/admin/jobs/BackgroundJobsPage").then((module) => ({ default: module.BackgroundJobsPage })));

/** Routes: /login for guests; the CRM and (admins only) /admin behind the session guard. */
export function App() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <RequireGuest>
            <LoginPage />
          </RequireGuest>
        }
      />
      <Route
        element={
          <RequireViewer>
            <AppLayout />
          </RequireViewer>
        }
      >
        <Route index element={<CrmPage />} />
        <Route
          path="admin"
          element={
            <RequireAdmin>
              <AdminLayout />
            </RequireAdmin>
          }
        >
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="tokens" element={<ApiTokensPage />} />
          <Route path="jobs" element={<BackgroundJobsPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
