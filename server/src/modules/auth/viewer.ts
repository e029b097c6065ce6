/** How much of the pipeline a viewer sees (DESIGN.md §6), applied inside SQL. */
export type VisibilityScope = "all" | "mdr" | "own";

/** What an API token may do: read (queries), write (mutations), admin (admin permission). */
export type TokenScope = "read" | "write" | "admin";

export const TOKEN_SCOPES: readonly TokenScope[] = ["read", "write", "admin"];

/**
 * The signed-in user of a request, with their permission keys. A request authenticated
 * by an API token carries the token's scopes and can never do more than its user.
 */
export class Viewer {
  /** The user's own permission keys (what the user has, before any token narrowing). */
  readonly userPermissions: ReadonlySet<string>;

  constructor(
    readonly id: number,
    readonly email: string,
    readonly name: string,
    permissions: Iterable<string>,
    /** null for a browser session; the token's scopes for a Bearer token. */
    readonly tokenScopes: ReadonlySet<TokenScope> | null = null,
    readonly tokenId: number | null = null,
  ) {
    this.userPermissions = new Set(permissions);
  }

  /** Whether the user has the key and, for a token, the token's scopes allow using it. */
  has(key: string): boolean {
    if (!this.userPermissions.has(key)) {
      return false;
    }
    return key !== "admin" || this.allowsScope("admin");
  }

  /** Sessions may do anything their user may; tokens only what their scopes name. */
  allowsScope(scope: TokenScope): boolean {
    return this.tokenScopes === null || this.tokenScopes.has(scope);
  }

  /** The effective permission keys (token narrowing applied). */
  get permissions(): ReadonlySet<string> {
    return new Set([...this.userPermissions].filter((key) => this.has(key)));
  }

  /** crm-manager (147) or all-prospects see everything; MDRs their companies' clients; others their own. */
  get scope(): VisibilityScope {
    if (this.has("crm-manager") || this.has("all-prospects")) {
      return "all";
    }
    return this.has("mdr") ? "mdr" : "own";
  }
}
