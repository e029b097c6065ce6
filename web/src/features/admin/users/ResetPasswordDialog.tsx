import { Form, Formik } from "formik";
import { object } from "yup";

import type { AdminUserRow_UserFragment } from "../../../__generated__/graphql";
import { TextField } from "../../../components/form/FormField";
import { DialogSubmitActions, ModalDialog } from "../../../components/ModalDialog";
import { useToast } from "../../../components/Toast";
import { useT } from "../../../lib/i18n";
import { commonMessages } from "../../../lib/messages";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { passwordSchema, userFieldErrors } from "./createUser.schema";
import { userMessages } from "./messages";
import { useResetUserPassword } from "./useUsers";

/** Sets a new password for a user (the admin tells it to them); the field takes the initial focus. */
export function ResetPasswordDialog({ user, onClose }: { user: AdminUserRow_UserFragment | null; onClose: () => void }) {
  const t = useT(userMessages);
  const common = useT(commonMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const resetPassword = useResetUserPassword();

  return (
    <ModalDialog open={user !== null} title={user ? t.resetTitle(user.name) : ""} onClose={onClose}>
      {user ? (
        <Formik
          initialValues={{ password: "" }}
          validationSchema={object({ password: passwordSchema(t.validation) })}
          onSubmit={async (values, helpers) => {
            try {
              await resetPassword(user.id, values.password);
              toast.success(t.passwordReset(user.name));
              onClose();
            } catch (error) {
              const fields = userFieldErrors(error, t.validation);
              if (fields.password) {
                helpers.setErrors({ password: fields.password });
              } else {
                toast.error(toMessage(error));
              }
            }
          }}
        >
          {({ isSubmitting }) => (
            <Form noValidate>
              <TextField name="password" label={t.newPassword} type="password" autoComplete="new-password" autoFocus />
              <DialogSubmitActions submitting={isSubmitting} label={t.resetPassword} busyLabel={common.saving} />
            </Form>
          )}
        </Formik>
      ) : null}
    </ModalDialog>
  );
}
