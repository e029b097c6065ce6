import { useEffect, useState } from "react";

import type { AdminUserRow_UserFragment } from "../../../__generated__/graphql";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { useToast } from "../../../components/Toast";
import { useI18n, useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { useMe } from "../../auth/useMe";
import { AdminTable } from "../AdminTable";
import { CreateUserForm } from "./CreateUserForm";
import { userMessages } from "./messages";
import { accessPermissionKeys, salesRoleKeys } from "./permissionKeys";
import { PermissionsDialog } from "./PermissionsDialog";
import { ResetPasswordDialog } from "./ResetPasswordDialog";
import { useAdminUsers, useSetUserActive } from "./useUsers";

type User = AdminUserRow_UserFragment;

/** Users: the list with role, permissions and state; create, edit permissions, reset password, deactivate. */
export function UsersPage() {
  const t = useT(userMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const { format } = useI18n();
  const { viewer } = useMe();
  const [draft, setDraft] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft]);
  const { users, totalCount, hasNextPage, loading, loadingMore, error, loadMore } = useAdminUsers(search);
  const { setActive, loading: deactivating } = useSetUserActive();
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [toDeactivate, setToDeactivate] = useState<User | null>(null);

  const permissionSummary = (user: User) =>
    [
      ...accessPermissionKeys.filter((key) => user.permissions.includes(key)).map((key) => t.access[key]),
      ...salesRoleKeys.filter((key) => user.permissions.includes(key)).map((key) => t.salesRoles[key]),
    ].join(", ");

  async function changeActive(user: User, active: boolean) {
    try {
      await setActive(user.id, active);
      toast.success(active ? t.reactivated(user.name) : t.deactivated(user.name));
    } catch (reason) {
      toast.error(toMessage(reason));
    } finally {
      setToDeactivate(null);
    }
  }

  return (
    <section className="admin-page" aria-labelledby="users-title">
      <h2 id="users-title">{t.title}</h2>
      <input
        type="search"
        aria-label={t.search}
        placeholder={t.search}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <AdminTable
        loading={loading}
        error={error}
        emptyText={t.empty}
        rowCount={users.length}
        headers={[t.columns.name, t.columns.email, t.columns.role, t.columns.permissions, t.columns.state, t.columns.actions]}
      >
        {users.map((user) => {
          const isViewer = user.id === viewer?.id;
          return (
            <tr key={user.id} className={user.active ? undefined : "admin-table__row--inactive"}>
              <td>
                {user.name} {isViewer ? <small>{t.you}</small> : null}
              </td>
              <td>{user.email}</td>
              <td>{user.role ? t.roles[user.role] : t.noRole}</td>
              <td>{permissionSummary(user)}</td>
              <td>{user.active ? t.active : t.inactive}</td>
              <td>
                <div className="admin-table__actions">
                  <button type="button" aria-label={`${t.edit}: ${user.name}`} onClick={() => setEditing(user)}>
                    {t.edit}
                  </button>
                  <button type="button" aria-label={`${t.resetPassword}: ${user.name}`} onClick={() => setResetting(user)}>
                    {t.resetPassword}
                  </button>
                  {user.active && !isViewer ? (
                    <button type="button" aria-label={`${t.deactivate}: ${user.name}`} onClick={() => setToDeactivate(user)}>
                      {t.deactivate}
                    </button>
                  ) : null}
                  {user.active ? null : (
                    <button type="button" aria-label={`${t.reactivate}: ${user.name}`} onClick={() => void changeActive(user, true)}>
                      {t.reactivate}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </AdminTable>
      {users.length > 0 ? (
        <p className="admin-page__count">
          {t.shown(format.number(users.length), format.number(totalCount))}{" "}
          {hasNextPage ? (
            <button type="button" disabled={loadingMore} onClick={loadMore}>
              {loadingMore ? common.loading : t.loadMore}
            </button>
          ) : null}
        </p>
      ) : null}
      <CreateUserForm />
      <PermissionsDialog user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <ConfirmDialog
        open={toDeactivate !== null}
        title={toDeactivate ? t.deactivateTitle(toDeactivate.name) : ""}
        confirmLabel={t.deactivate}
        danger
        busy={deactivating}
        onConfirm={() => void (toDeactivate ? changeActive(toDeactivate, false) : undefined)}
        onCancel={() => setToDeactivate(null)}
      >
        <p>{t.deactivateBody}</p>
      </ConfirmDialog>
    </section>
  );
}
