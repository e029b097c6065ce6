import { array, object, string } from "yup";

import type { CrmRole } from "../../../__generated__/graphql";
import { fieldErrorsOf } from "../../../lib/errors";
import { localizeFieldErrors } from "../../../lib/localizeFieldErrors";
import type { userMessages } from "./messages";

/**
 * Mirrors the server's createUser/resetUserPassword rules (user-admin.types.ts): a name and a
 * valid email of at most 191 characters, a password of 10 to 200 characters.
 */
export const minPasswordLength = 10;
const maxPasswordLength = 200;
const maxTextLength = 191;

export interface CreateUserValues {
  name: string;
  email: string;
  password: string;
  role: CrmRole | "";
  access: string[];
}

export const emptyCreateUserValues: CreateUserValues = { name: "", email: "", password: "", role: "SDR", access: ["crm"] };

type Validation = (typeof userMessages)["en"]["validation"];

export function passwordSchema(t: Validation) {
  return string()
    .required(t.passwordShort(minPasswordLength))
    .min(minPasswordLength, t.passwordShort(minPasswordLength))
    .max(maxPasswordLength, t.tooLong(maxPasswordLength));
}

export function createUserSchema(t: Validation) {
  return object({
    name: string().trim().required(t.nameRequired).max(maxTextLength, t.tooLong(maxTextLength)),
    email: string().trim().required(t.emailRequired).email(t.emailInvalid).max(maxTextLength, t.tooLong(maxTextLength)),
    password: passwordSchema(t),
    role: string().oneOf(["", "SDR", "MDR"]),
    access: array(string().defined()).defined(),
  });
}

/** The server's BAD_USER_INPUT field messages for a user form, in the form's own words where it mirrors the rule. */
export function userFieldErrors(error: unknown, t: Validation): Record<string, string> {
  return localizeFieldErrors(
    fieldErrorsOf(error),
    { tooLong: t.tooLong, tooShort: t.passwordShort },
    { name: { required: t.nameRequired }, email: { required: t.emailRequired, email: t.emailInvalid } },
  );
}
