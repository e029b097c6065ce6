import { Navigate, Route, Routes } from "react-router";

import { AppLayout } from "./components/AppLayout";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireGuest, RequireViewer } from "./features/auth/RouteGuards";
import { CrmPage } from "./features/crm/CrmPage";

/** Routes: /login for guests, everything else behind the session guard. */
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
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
