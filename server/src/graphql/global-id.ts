import { UserInputError } from "./errors";

/** Kinds of objects `node(id)` can return. */
export type NodeKind = "Account" | "User" | "Contact" | "Location" | "Note" | "Reminder" | "Company" | "SentEmail" | "ApiToken" | "CsvImport" | "BackgroundJob";

/** Opaque global id: base64url of "Kind:id". */
export function toGlobalId(kind: NodeKind, id: number | string): string {
  return Buffer.from(`${kind}:${id}`, "utf8").toString("base64url");
}

/** Decodes a global id; a malformed one is BAD_USER_INPUT naming the argument. */
export function fromGlobalId(globalId: string, field = "id"): { kind: string; id: number; raw: string } {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([A-Za-z]?)(\d{1,10})$/.exec(decoded);
  if (!match || Buffer.from(decoded, "utf8").toString("base64url") !== globalId) {
    throw new UserInputError({ [field]: `"${globalId}" is not a valid id` });
  }
  return { kind: match[1]!, id: Number(match[3]), raw: `${match[2]}${match[3]}` };
}

/** Decodes a global id that must be of one kind (e.g. an Account id). */
export function expectGlobalId(globalId: string, kind: NodeKind, field = "id"): number {
  const parsed = fromGlobalId(globalId, field);
  if (parsed.kind !== kind) {
    throw new UserInputError({ [field]: `"${globalId}" is not a${/^[AEIOU]/.test(kind) ? "n" : ""} ${kind} id` });
  }
  return parsed.id;
}
