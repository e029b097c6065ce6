import type { DataSource } from "typeorm";
import { decodeCursor, encodeCursor, keysetPage, pageSize, type PageInfo } from "../../graphql/connection";
import { ConflictError, NotFoundError } from "../../graphql/errors";
import { requeueFailed } from "../../jobs/outbox-store";
import { OutboxEntity } from "../../jobs/outbox.entity";

export interface JobPage {
  edges: Array<{ cursor: string; node: OutboxEntity }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Admin view of the background jobs: the failed ones, and running them again. */
export class JobAdminService {
  constructor(private readonly dataSource: DataSource) {}

  /** Failed jobs, newest row first (keyset on id). */
  async listFailed(first?: number | null, after?: string | null): Promise<JobPage> {
    const size = pageSize(first);
    const repo = this.dataSource.getRepository(OutboxEntity);
    const query = repo.createQueryBuilder("o").where("o.status = 'failed'").orderBy("o.id", "DESC").take(size + 1);
    if (after) {
      const [id] = decodeCursor(after);
      if (typeof id !== "number") {
        decodeCursor("", "after");
      }
      query.andWhere("o.id < :id", { id });
    }
    const [rows, totalCount] = await Promise.all([query.getMany(), repo.countBy({ status: "failed" })]);
    return { ...keysetPage(rows, size, after, (node) => encodeCursor([node.id])), totalCount };
  }

  /** Puts one failed job back to run (attempts start over); CONFLICT when it is not failed. */
  async retry(id: number): Promise<OutboxEntity> {
    const repo = this.dataSource.getRepository(OutboxEntity);
    const row = await repo.findOneBy({ id });
    if (!row) {
      throw new NotFoundError("BackgroundJob", id);
    }
    if ((await requeueFailed(this.dataSource, [id])) === 0) {
      throw new ConflictError(`Only a failed job can be retried; this one is ${row.status}`, { status: row.status });
    }
    return repo.findOneByOrFail({ id });
  }

  /** Puts every failed job back to run; returns how many. */
  retryAll(): Promise<number> {
    return requeueFailed(this.dataSource);
  }
}
