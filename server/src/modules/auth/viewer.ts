/** How much of the pipeline a viewer sees (DESIGN.md §6), applied inside SQL. */
export type VisibilityScope = "all" | "mdr" | "own";

/** The signed-in user of a request, with their permission keys. */
export class Viewer {
  readonly permissions: ReadonlySet<string>;

  constructor(
    readonly id: number,
    readonly email: string,
    readonly name: string,
    permissions: Iterable<string>,
  ) {
    this.permissions = new Set(permissions);
  }

  has(key: string): boolean {
    return this.permissions.has(key);
  }

  /** crm-manager (147) or all-prospects see everything; MDRs their companies' clients; others their own. */
  get scope(): VisibilityScope {
    if (this.has("crm-manager") || this.has("all-prospects")) {
      return "all";
    }
    return this.has("mdr") ? "mdr" : "own";
  }
}
