import type { Logger } from "pino";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { decodeCursor, encodeCursor, keysetPage, pageSize, type PageInfo } from "../../graphql/connection";
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from "../../graphql/errors";
import { expectGlobalId } from "../../graphql/global-id";
import { resolveSalesman } from "../accounts/account-write.support";
import { visibleAccountIds } from "../accounts/duplicates";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import type { CommitOptions } from "./import-commit";
import { statesToCreate } from "./import-commit";
import { IMPORT_LIMITS } from "./csv-file";
import { inspectImportFile } from "./import-file";
import { LEASE_MS } from "./import-validate";
import { ImportRunner } from "./import-runner";
import { ImportEntity, ImportRowEntity, type ImportRowState } from "./import.entities";
import type { CommitImportInput } from "./import.types";
import type { AccountEventSink } from "../../realtime/event-bus";

export interface ImportPage {
  edges: Array<{ cursor: string; node: ImportEntity }>;
  pageInfo: PageInfo;
}

/** A page of rows; `visibleAccountIds`: which of their duplicate and created accounts the viewer may see. */
export interface ImportRowPage {
  edges: Array<{ cursor: string; node: ImportRowEntity }>;
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
  visibleAccountIds: Set<number>;
}

/**
 * CSV imports (README: Imports): upload → background validation → commit. Visibility: a
 * user sees the imports they uploaded; crm-manager / all-prospects see all. Outside it,
 * an import is NOT_FOUND, for reads and commits alike (applied in SQL).
 */
export class ImportService {
  readonly runner: ImportRunner;
  /** Size and row limits of an upload (README: Imports); tests lower them. */
  limits: { maxBytes: number; maxRows: number } = { ...IMPORT_LIMITS };

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    logger: Pick<Logger, "info" | "warn" | "error">,
    events?: AccountEventSink,
    /** IMPORT_LEASE_MS. */
    leaseMs = LEASE_MS,
  ) {
    this.runner = new ImportRunner(dataSource, catalogs, logger, events, leaseMs);
  }

  /**
   * Checks a whole uploaded file (CsvFileError when it cannot be imported at all, before
   * anything is stored), records the import and starts validating its rows in the
   * background. The file at `path` belongs to the import from here (deleted after validation).
   */
  async upload(viewer: Viewer, filename: string, path: string): Promise<ImportEntity> {
    const file = await inspectImportFile(path, this.limits);
    const repo = this.dataSource.getRepository(ImportEntity);
    const created = await repo.save(
      repo.create({
        userId: viewer.id,
        filename: filename.slice(0, 255),
        status: "validating",
        totalRows: file.rowCount,
        unmappedColumns: [...file.mapping.unmapped, ...file.mapping.repeated],
        options: null,
        error: null,
        leaseOwner: this.runner.owner,
        leaseUntil: new Date(Date.now() + this.runner.leaseMs),
      }),
    );
    this.runner.startValidation(created.id, file);
    return created;
  }

  private scoped(viewer: Viewer): SelectQueryBuilder<ImportEntity> {
    const qb = this.dataSource.getRepository(ImportEntity).createQueryBuilder("i");
    return viewer.scope === "all" ? qb.where("1 = 1") : qb.where("i.user_id = :viewerId", { viewerId: viewer.id });
  }

  /** One import in the viewer's scope, else NOT_FOUND. */
  async get(viewer: Viewer, globalId: string, field = "id"): Promise<ImportEntity> {
    const id = expectGlobalId(globalId, "CsvImport", field);
    const found = await this.scoped(viewer).andWhere("i.id = :id", { id }).getOne();
    if (!found) {
      throw new NotFoundError("CsvImport", globalId);
    }
    return found;
  }

  /** The viewer's imports (everyone's for managers), newest first. */
  async list(viewer: Viewer, args: { first?: number | null; after?: string | null }): Promise<ImportPage> {
    const size = pageSize(args.first);
    const qb = this.scoped(viewer);
    if (args.after) {
      const [afterId] = decodeCursor(args.after);
      if (typeof afterId !== "number") {
        throw new UserInputError({ after: "is not a cursor returned by this connection" });
      }
      qb.andWhere("i.id < :afterId", { afterId });
    }
    const rows = await qb.orderBy("i.id", "DESC").limit(size + 1).getMany();
    return keysetPage(rows, size, args.after, (node) => encodeCursor([node.id]));
  }

  /** Rows of an import the viewer may see (the caller resolved it with `get`), by row number. */
  async rows(viewer: Viewer, importRow: ImportEntity, args: { states?: ImportRowState[] | null; first?: number | null; after?: string | null }): Promise<ImportRowPage> {
    const size = pageSize(args.first);
    const base = this.dataSource.getRepository(ImportRowEntity).createQueryBuilder("r").where("r.import_id = :importId", { importId: importRow.id });
    if (args.states && args.states.length > 0) {
      base.andWhere("r.state IN (:...states)", { states: args.states });
    }
    const countQuery = base.clone();
    if (args.after) {
      const [afterRow] = decodeCursor(args.after);
      if (typeof afterRow !== "number") {
        throw new UserInputError({ after: "is not a cursor returned by this connection" });
      }
      base.andWhere("r.row_number > :afterRow", { afterRow });
    }
    const rows = await base.orderBy("r.row_number", "ASC").limit(size + 1).getMany();
    const { edges, pageInfo } = keysetPage(rows, size, args.after, (node) => encodeCursor([node.rowNumber]));
    const accountIds = edges.flatMap((e) => [e.node.duplicateOfId, e.node.prospectId]).filter((id): id is number => id !== null);
    let count: Promise<number> | undefined;
    return {
      edges,
      pageInfo,
      totalCount: () => (count ??= countQuery.getCount()),
      visibleAccountIds: await visibleAccountIds(this.dataSource.manager, viewer, [...new Set(accountIds)]),
    };
  }

  /**
   * commitImport: claims a validated import (one conditional UPDATE, so two simultaneous
   * commits start one run) and creates its prospects in the background; progress is on the
   * import. Committing a committed or committing import again changes nothing and returns
   * it (idempotent). A commit that failed midway may be committed again: it continues from
   * the rows not yet created.
   */
  async commit(viewer: Viewer, input: CommitImportInput): Promise<ImportEntity> {
    const found = await this.get(viewer, input.id);
    if (found.status === "committed" || found.status === "committing") {
      return found;
    }
    const resumable = found.status === "validated" || (found.status === "failed" && found.options !== null);
    if (!resumable) {
      throw new ConflictError(`The import is ${found.status}; only a validated import can be committed`, { reason: "NOT_VALIDATED", status: found.status });
    }
    if (!input.skipInvalid && found.invalidRows > 0) {
      throw new UserInputError({ skipInvalid: `${found.invalidRows} rows are invalid: fix them in the file and upload it again, or commit with skipInvalid: true` });
    }
    const salesmanId = await this.salesmanFor(viewer, input.salesmanId);
    const options: CommitOptions =
      found.status === "failed" && found.options !== null
        ? (found.options as CommitOptions)
        : { skipDuplicates: input.skipDuplicates, committedBy: viewer.id, committedByName: viewer.name, salesmanId, followUpStatusId: await this.statusFor(input.followUpStatusId) };
    const pending = await this.dataSource
      .getRepository(ImportRowEntity)
      .createQueryBuilder("r")
      .where("r.import_id = :id AND r.state IN (:...states)", { id: found.id, states: statesToCreate(options) })
      .getCount();
    const claim = await this.dataSource
      .createQueryBuilder()
      .update(ImportEntity)
      .set({ status: "committing", options, error: null, processedRows: found.totalRows - pending, leaseOwner: this.runner.owner, leaseUntil: new Date(Date.now() + this.runner.leaseMs) })
      .where("id = :id AND status = :status", { id: found.id, status: found.status })
      .execute();
    const claimed = await this.dataSource.getRepository(ImportEntity).findOneByOrFail({ id: found.id });
    if (claim.affected) {
      this.runner.startCommit(claimed, options);
    }
    return claimed;
  }

  private async salesmanFor(viewer: Viewer, salesmanGlobalId: string | null | undefined): Promise<number> {
    if (!salesmanGlobalId) {
      return viewer.id;
    }
    const salesman = await resolveSalesman(this.dataSource.manager, salesmanGlobalId);
    if (salesman.id !== viewer.id && !viewer.has("crm-edit-salesman-prospect")) {
      throw new ForbiddenError("Assigning the imported prospects to another salesman needs the crm-edit-salesman-prospect permission");
    }
    return salesman.id;
  }

  private async statusFor(followUpStatusId: number | null | undefined): Promise<number | null> {
    if (followUpStatusId === null || followUpStatusId === undefined) {
      return null;
    }
    const catalogs = await this.catalogs.all();
    if (!catalogs.followUpStatuses.some((s) => s.id === followUpStatusId)) {
      throw new UserInputError({ followUpStatusId: `${followUpStatusId} is not an active follow-up status` });
    }
    return followUpStatusId;
  }
}
