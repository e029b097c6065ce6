import { array, mixed, object, string } from "yup";

import type { ApiTokenScope } from "../../../__generated__/graphql";
import type { tokenMessages } from "./messages";

export const apiTokenScopes: readonly ApiTokenScope[] = ["READ", "WRITE", "ADMIN"];

export interface CreateApiTokenValues {
  name: string;
  scopes: ApiTokenScope[];
  /** YYYY-MM-DD or "" for a token that never expires. */
  expiresOn: string;
}

export const emptyCreateApiTokenValues: CreateApiTokenValues = { name: "", scopes: ["READ"], expiresOn: "" };

/** The server's CreateApiTokenInput rules (name 1–120 characters, at least one scope), in the user's language. */
export function createApiTokenSchema(t: (typeof tokenMessages)["en"]["create"], today: string) {
  return object({
    name: string().trim().required(t.nameRequired).max(120, t.nameTooLong),
    scopes: array(mixed<ApiTokenScope>().oneOf([...apiTokenScopes]).defined()).min(1, t.scopesRequired).required(t.scopesRequired),
    expiresOn: string().test("future", t.expiresInPast, (value) => !value || value > today),
  });
}

/** The end of the chosen local day, so a token "expiring on" a date works through that whole day. */
export function expiresAtFor(expiresOn: string): string | null {
  if (!expiresOn) {
    return null;
  }
  const [year, month, day] = expiresOn.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}
