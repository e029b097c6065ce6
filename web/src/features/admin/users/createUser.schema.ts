import { array, object, string } from "yup";

import type { userMessages } from "./messages";
import type { CrmRole } from "../../../__generated__/graphql";

/** Mirrors the server's createUser/resetUserPassword rules: a name, a valid email, a 10+ character password. */
export const minPasswordLength = 10;

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
  return string().required(t.passwordShort(minPasswordLength)).min(minPasswordLength, t.passwordShort(minPasswordLength));
}

export function createUserSchema(t: Validation) {
  return object({
    name: string().trim().required(t.nameRequired).max(120),
    email: string().trim().required(t.emailRequired).email(t.emailInvalid).max(255),
    password: passwordSchema(t),
    role: string().oneOf(["", "SDR", "MDR"]),
    access: array(string().defined()).defined(),
  });
}
