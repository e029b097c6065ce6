import type { DataSource } from "typeorm";
import { decodeCursor, encodeCursor, keysetPage, pageSize } from "../../graphql/connection";
import { UserInputError } from "../../graphql/errors";
import { CompanyEntity } from "./company.entity";

export interface CompanyPageArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/** A page of companies; totalCount runs its COUNT only when the client asks for it. */
export interface CompanyPage {
  edges: Array<{ cursor: string; node: CompanyEntity }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

const MAX_SEARCH_LENGTH = 100;

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '!'` (same on SQLite and MySQL). */
function likePrefix(text: string): string {
  return `${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * The platform's companies, for the convert-to-client picker. This reads only the
 * `companies` table (name, RFC, creation date, assigned executive): no CRM account, note or
 * contact is joined or returned, and a Company has no field leading to its accounts, so a
 * search reveals which companies exist on the platform and nothing about anyone's pipeline.
 * The assigned executive is a User every crm user can already list through `salesmen`.
 */
export class CompanyService {
  constructor(private readonly dataSource: DataSource) {}

  /** Companies by name (then id), optionally those whose name or tax id starts with `search`. */
  async search(args: CompanyPageArgs): Promise<CompanyPage> {
    const size = pageSize(args.first);
    const search = (args.search ?? "").trim();
    if (search.length > MAX_SEARCH_LENGTH) {
      throw new UserInputError({ search: `must be at most ${MAX_SEARCH_LENGTH} characters` });
    }
    const base = this.dataSource.getRepository(CompanyEntity).createQueryBuilder("c");
    if (search) {
      // Case-insensitive on both dialects (MySQL's _ci collation; SQLite's LIKE for ASCII).
      base.where("(c.name LIKE :prefix ESCAPE '!' OR c.tax_id LIKE :taxPrefix ESCAPE '!')", {
        prefix: likePrefix(search),
        taxPrefix: likePrefix(search.toUpperCase()),
      });
    }
    const countQuery = base.clone();
    const page = base.clone();
    if (args.after) {
      const [name, id] = decodeCursor(args.after);
      if (typeof name !== "string" || typeof id !== "number") {
        throw new UserInputError({ after: "is not a cursor returned by this connection" });
      }
      page.andWhere("(c.name > :afterName OR (c.name = :afterName AND c.id > :afterId))", { afterName: name, afterId: id });
    }
    const rows = await page.orderBy("c.name", "ASC").addOrderBy("c.id", "ASC").limit(size + 1).getMany();
    let count: Promise<number> | undefined;
    return {
      ...keysetPage(rows, size, args.after, (node) => encodeCursor([node.name, node.id])),
      totalCount: () => (count ??= countQuery.getCount()),
    };
  }
}
