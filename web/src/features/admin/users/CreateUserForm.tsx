import { Form, Formik, type FormikHelpers } from "formik";

import { TextField } from "../../../components/form/FormField";
import { useToast } from "../../../components/Toast";
import { errorCodeOf } from "../../../lib/errors";
import { useT } from "../../../lib/i18n";
import { useErrorMessage } from "../../../lib/useErrorMessage";
import { createUserSchema, emptyCreateUserValues, userFieldErrors, type CreateUserValues } from "./createUser.schema";
import { userMessages } from "./messages";
import { KeyFieldset, RoleFieldset } from "./PermissionFieldsets";
import { accessPermissionKeys, composePermissions } from "./permissionKeys";
import { useCreateUser } from "./useUsers";

/** Name, email, initial password, CRM role and access permissions; server field errors land on their fields. */
export function CreateUserForm() {
  const t = useT(userMessages);
  const toast = useToast();
  const toMessage = useErrorMessage();
  const createUser = useCreateUser();

  async function submit(values: CreateUserValues, helpers: FormikHelpers<CreateUserValues>) {
    try {
      const user = await createUser({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        role: values.role === "" ? null : values.role,
        permissions: composePermissions([], { access: values.access, salesRoles: [] }),
      });
      helpers.resetForm();
      toast.success(t.create.created(user?.name ?? values.name.trim()));
    } catch (error) {
      const fields = userFieldErrors(error, t.validation);
      if (errorCodeOf(error) === "CONFLICT") {
        helpers.setErrors({ email: t.validation.emailTaken });
      } else if (Object.keys(fields).length > 0) {
        helpers.setErrors({ name: fields.name, email: fields.email, password: fields.password });
      } else {
        toast.error(toMessage(error));
      }
    }
  }

  return (
    <Formik initialValues={emptyCreateUserValues} validationSchema={createUserSchema(t.validation)} onSubmit={submit}>
      {({ isSubmitting }) => (
        <Form className="admin-form" aria-label={t.create.title} noValidate>
          <h2>{t.create.title}</h2>
          <TextField name="name" label={t.create.name} autoComplete="off" />
          <TextField name="email" label={t.create.email} type="email" autoComplete="off" />
          <TextField name="password" label={t.create.password} type="password" autoComplete="new-password" />
          <RoleFieldset legend={t.create.role} />
          <KeyFieldset legend={t.groups.access} name="access" keys={accessPermissionKeys} labels={t.access} />
          <button type="submit" className="button--primary" disabled={isSubmitting}>
            {isSubmitting ? t.create.submitting : t.create.submit}
          </button>
        </Form>
      )}
    </Formik>
  );
}
