import { In, type DataSource } from "typeorm";
import { oneByKey } from "../../graphql/loader-helpers";
import { OutboxEntity } from "../../jobs/outbox.entity";
import { JOBS, respondioAddProspectJobId } from "../../jobs/queues";

export function createJobLoaders(dataSource: DataSource) {
  return {
    /** The `respondio_add_prospect` outbox row of each prospect (null: no job), one statement per batch through the unique job_id index. */
    respondioOutboxByProspectId: oneByKey<number, OutboxEntity>(
      (ids) => dataSource.getRepository(OutboxEntity).findBy({ jobId: In(ids.map(respondioAddProspectJobId)) }),
      (row) => Number(row.jobId.slice(JOBS.respondioAddProspect.length + 1)),
    ),
  };
}
