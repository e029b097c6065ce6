import { Form, Formik } from "formik";

import type { AdminUserRow_UserFragment, CrmRole } from "../../../__generated__/graphql";
import { DialogSubmitActions, ModalDialog } from "../../../components/ModalDialog";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { userMessages } from "./messages";
import { KeyFieldset, RoleFieldset } from "./PermissionFieldsets";
import { accessPermissionKeys, composePermissions, salesRoleKeys } from "./permissionKeys";
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
    <ModalDialog open={user !== null} title={user ? t.editPermissions(user.name) : ""} onClose={onClose} wide>
      {user ? (
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
              <KeyFieldset legend={t.groups.access} name="access" keys={accessPermissionKeys} labels={t.access} />
              <RoleFieldset legend={t.groups.role} />
              <KeyFieldset legend={t.groups.salesRoles} name="salesRoles" keys={salesRoleKeys} labels={t.salesRoles} />
              <DialogSubmitActions submitting={isSubmitting} label={common.save} busyLabel={common.saving} />
            </Form>
          )}
        </Formik>
      ) : null}
    </ModalDialog>
  );
}
