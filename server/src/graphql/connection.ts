import { Field, ObjectType } from "type-graphql";
import { UserInputError } from "./errors";

@ObjectType({ description: "Relay pagination state of a connection" })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Validates `first`: a clear BAD_USER_INPUT above the maximum or below 1. */
export function pageSize(first: number | null | undefined, field = "first", max = MAX_PAGE_SIZE): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new UserInputError({ [field]: `must be between 1 and ${max} (got ${size})` });
  }
  return size;
}

/**
 * The edges and PageInfo of a keyset page read with `size + 1` rows (the extra row only says
 * there is a next page); `cursorOf` gives each node's cursor (encodeCursor of its sort key).
 */
export function keysetPage<T>(rows: readonly T[], size: number, after: string | null | undefined, cursorOf: (node: T) => string): { edges: Array<{ cursor: string; node: T }>; pageInfo: PageInfo } {
  const edges = rows.slice(0, size).map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Opaque keyset cursor: the sort value and the id of the last row seen. */
export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, field = "after"): Array<string | number | null> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.every((v) => v === null || typeof v === "string" || typeof v === "number")) {
      return parsed as Array<string | number | null>;
    }
  } catch {
    // fall through to the error below
  }
  throw new UserInputError({ [field]: "is not a cursor returned by this connection" });
}
