import { Navigate, Route, Routes } from "react-router";

import { AppLayout } from "./components/AppLayout";
import { AdminLayout } from "./features/admin/AdminLayout";
import { BackgroundJobsPage } from "./features/admin/jobs/BackgroundJobsPage";
import { RequireAdmin } from "./features/admin/RequireAdmin";
import { ApiTokensPage } from "./features/admin/tokens/ApiTokensPage";
import { UsersPage } from "./features/admin/users/UsersPage";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireGuest, RequireViewer } from "./features/auth/RouteGuards";
import { CrmPage } from "./features/crm/CrmPage";

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
