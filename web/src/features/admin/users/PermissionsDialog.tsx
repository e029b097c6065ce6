import * as Dialog from "@radix-ui/react-dialog";
import { Field, Form, Formik } from "formik";

import type { AdminUserRow_UserFragment, CrmRole } from "../../../__generated__/graphql";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { userMessages } from "./messages";
import { accessPermissionKeys, composePermissions, crmRoles, salesRoleKeys } from "./permissionKeys";
import { useSetUserPermissions } from "./useUsers";

interface PermissionValues {
  access: string[];
  role: CrmRole | "";
  salesRoles: string[];
}

/** Edits one user's access keys, CRM role and sales roles in a modal; saves the whole set at once. */
export function PermissionsDialog({ user, onClose }: { user: AdminUserRow_UserFragment | null; onClose: () => void }) {
  const t = useT(userMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const setPermissions = useSetUserPermissions();

  return (
    <Dialog.Root open={user !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog dialog--wide" aria-describedby={undefined}>
          {user ? (
            <>
              <Dialog.Title className="dialog__title">{t.editPermissions(user.name)}</Dialog.Title>
              <Formik<PermissionValues>
                initialValues={{
                  access: accessPermissionKeys.filter((key) => user.permissions.includes(key)),
                  role: user.role ?? "",
                  salesRoles: salesRoleKeys.filter((key) => user.permissions.includes(key)),
                }}
                onSubmit={async (values) => {
                  try {
                    await setPermissions(user.id, values.role === "" ? null : values.role, composePermissions(user.permissions, values));
                    toast.success(t.saved(user.name));
                    onClose();
                  } catch (error) {
                    toast.error(toMessage(error));
                  }
                }}
              >
                {({ isSubmitting }) => (
                  <Form className="permissions-form">
                    <fieldset>
                      <legend>{t.groups.access}</legend>
                      {accessPermissionKeys.map((key) => (
                        <label key={key}>
                          <Field type="checkbox" name="access" value={key} />
                          {t.access[key]}
                        </label>
                      ))}
                    </fieldset>
                    <fieldset>
                      <legend>{t.groups.role}</legend>
                      <label>
                        <Field type="radio" name="role" value="" />
                        {t.noRole}
                      </label>
                      {crmRoles.map((key) => (
                        <label key={key}>
                          <Field type="radio" name="role" value={key} />
                          {t.roles[key]}
                        </label>
                      ))}
                    </fieldset>
                    <fieldset>
                      <legend>{t.groups.salesRoles}</legend>
                      {salesRoleKeys.map((key) => (
                        <label key={key}>
                          <Field type="checkbox" name="salesRoles" value={key} />
                          {t.salesRoles[key]}
                        </label>
                      ))}
                    </fieldset>
                    <div className="dialog__actions">
                      <Dialog.Close asChild>
                        <button type="button">{common.cancel}</button>
                      </Dialog.Close>
                      <button type="submit" className="button--primary" disabled={isSubmitting}>
                        {isSubmitting ? common.saving : common.save}
                      </button>
                    </div>
                  </Form>
                )}
              </Formik>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
