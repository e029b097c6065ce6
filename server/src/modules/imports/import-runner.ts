import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { Logger } from "pino";
import { Brackets, type DataSource } from "typeorm";
import type { CatalogService } from "../catalogs/catalog.service";
import { commitImport, type CommitOptions } from "./import-commit";
import type { InspectedFile } from "./import-file";
import { CatalogLookup } from "./import-row-rules";
import { LEASE_MS, LeaseLostError, validateImport } from "./import-validate";
import { ImportEntity } from "./import.entities";
import { AccountTypeCode } from "../accounts/account.entity";
import { accountEvent } from "../../realtime/account-event";
import type { AccountEventSink } from "../../realtime/event-bus";

/**
 * Runs validations and commits in the background of the API process, one task per import,
 * under a lease (`imports.lease_owner` / `lease_until`, renewed by every batch) so that
 * when several API processes share a database exactly one works on an import, and an
 * import whose process died is taken over once its lease expires (resumeInterrupted).
 */
export class ImportRunner {
  /** This process's lease owner id. */
  readonly owner = `${process.pid}:${randomUUID()}`;
  private readonly tasks = new Map<number, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
    private readonly logger: Pick<Logger, "info" | "warn" | "error">,
    private readonly events: AccountEventSink = { publish: () => undefined },
    /** How long a claim holds without renewal (IMPORT_LEASE_MS): a dead process's import is resumed after it. */
    readonly leaseMs = LEASE_MS,
  ) {}

  /** Validates an inspected file (the import already holds this process's lease); deletes the file after. */
  startValidation(importId: number, file: InspectedFile): void {
    this.track(importId, "validation", async () => {
      try {
        await validateImport(this.dataSource, new CatalogLookup(await this.catalogs.all()), importId, file, this.owner, this.leaseMs);
      } finally {
        await rm(file.path, { force: true });
      }
    });
  }

  /** Commits an import this process has claimed (status committing, our lease). */
  startCommit(importRow: Pick<ImportEntity, "id" | "filename">, options: CommitOptions): void {
    this.track(importRow.id, "commit", async () => {
      await commitImport(this.dataSource, new CatalogLookup(await this.catalogs.all()), importRow.id, importRow.filename, options, this.owner, (ids) => this.published(ids, options), this.leaseMs);
    });
  }

  /** Resolves when every background task of this process has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) {
      await Promise.allSettled([...this.tasks.values()]);
    }
  }

  /**
   * Imports whose process died: a commit left in `committing` with an expired (or no) lease
   * is claimed with one conditional UPDATE (two booting processes: one wins) and resumed
   * from the rows not yet created; a validation cannot resume (its upload lived in the dead
   * process's temp dir), so it is marked failed. Returns the ids resumed.
   */
  async resumeInterrupted(now = new Date()): Promise<number[]> {
    const stale = await this.dataSource
      .getRepository(ImportEntity)
      .createQueryBuilder("i")
      .where("i.status IN ('validating', 'committing')")
      .andWhere(new Brackets((or) => or.where("i.lease_until IS NULL").orWhere("i.lease_until < :now", { now })))
      .getMany();
    const resumed: number[] = [];
    for (const found of stale) {
      if (this.tasks.has(found.id)) {
        // Our own task still runs it (a batch outlasted the lease): claiming it again would start a second commit.
        continue;
      }
      const claim = await this.dataSource
        .createQueryBuilder()
        .update(ImportEntity)
        .set(
          found.status === "committing"
            ? { leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + this.leaseMs) }
            : { status: "failed", error: "The validation was interrupted (the server restarted); upload the file again", leaseOwner: null, leaseUntil: null },
        )
        .where("id = :id AND status = :status", { id: found.id, status: found.status })
        .andWhere(new Brackets((or) => or.where("lease_until IS NULL").orWhere("lease_until < :now", { now })))
        .execute();
      if (!claim.affected || found.status !== "committing") {
        continue;
      }
      this.logger.info({ importId: found.id }, "resuming an interrupted import commit");
      this.startCommit(found, found.options as CommitOptions);
      resumed.push(found.id);
    }
    return resumed;
  }

  /** One bus message per committed batch: a CREATED event per prospect, all with the batch's scope facts. */
  private published(prospectIds: number[], options: CommitOptions): void {
    const scope = { createdBy: options.committedBy, salesmanId: options.salesmanId, type: AccountTypeCode.prospect, companyId: null, companyExecutiveId: null };
    this.events.publish(prospectIds.map((id) => accountEvent("CREATED", { id: options.committedBy }, id, scope)));
  }

  private track(importId: number, what: string, work: () => Promise<void>): void {
    const task = work()
      .catch(async (error: unknown) => {
        if (error instanceof LeaseLostError) {
          this.logger.warn({ importId }, `import ${what} stopped: another process took it over`);
          return;
        }
        this.logger.error({ err: error, importId }, `import ${what} failed`);
        await this.dataSource
          .createQueryBuilder()
          .update(ImportEntity)
          .set({ status: "failed", error: `The ${what} failed unexpectedly; see the server log`, leaseOwner: null, leaseUntil: null })
          .where("id = :id AND lease_owner = :owner", { id: importId, owner: this.owner })
          .execute()
          .catch((err: unknown) => this.logger.error({ err, importId }, "could not mark the import failed"));
      })
      .finally(() => this.tasks.delete(importId));
    this.tasks.set(importId, task);
  }
}
