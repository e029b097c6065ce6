import pino from "pino";
import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { parseEnv } from "../../config/env";
import { toGlobalId } from "../../graphql/global-id";
import { OutboxRunner } from "../../jobs/outbox-runner";
import { OutboxEntity, type OutboxStatus } from "../../jobs/outbox.entity";
import { JOBS, respondioAddProspectJob, writeOutbox } from "../../jobs/queues";
import type { UserEntity } from "../auth/user.entity";

const FAILED = `query($first: Int, $after: String) { failedJobs(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id jobName status attempts lastError detail prospect { id name } } }
} }`;
const RETRY = `mutation($input: RetryJobInput!) { retryJob(input: $input) { id status attempts lastError } }`;

interface FailedPage {
  failedJobs: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; jobName: string; status: string; attempts: number; lastError: string | null; detail: string | null; prospect: { id: string; name: string } | null } }>;
  };
}

describe.each(testDialects())("Admin background jobs (failedJobs, retryJob, retryFailedJobs) on %s", (dialect) => {
  let api: TestApi;
  let owner: UserEntity;
  let admin: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    owner = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    admin = await api.as(await buildUser(api.db.dataSource, ["crm", "admin"]));
    manager = await api.as(await buildUser(api.db.dataSource, ["crm", "crm-manager", "all-prospects"]));
  });

  afterAll(async () => {
    await api?.close();
  });

  beforeEach(async () => {
    await api.db.dataSource.getRepository(OutboxEntity).clear();
  });

  /** A prospect whose sync job ended with `status`; returns the job's outbox row. */
  async function jobWith(status: OutboxStatus, lastError: string | null = null): Promise<OutboxEntity> {
    const ds = api.db.dataSource;
    const prospect = await buildProspect(ds, owner);
    const job = respondioAddProspectJob(prospect.id);
    await writeOutbox(ds.manager, [job]);
    await ds.getRepository(OutboxEntity).update({ jobId: job.jobId }, { status, attempts: status === "pending" ? 0 : 3, lastError, detail: lastError ? "response body" : null });
    return ds.getRepository(OutboxEntity).findOneByOrFail({ jobId: job.jobId });
  }

  it("should list only failed jobs, newest first, with their prospect, attempts and error, page by page", async () => {
    const failed = [await jobWith("failed", "HTTP 400 a"), await jobWith("failed", "HTTP 400 b"), await jobWith("failed", "HTTP 500 c")];
    await jobWith("done");
    await jobWith("pending");
    const first = await admin.gql<FailedPage>(FAILED, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.failedJobs.totalCount).toBe(3);
    expect(first.data!.failedJobs.pageInfo.hasNextPage).toBe(true);
    expect(first.data!.failedJobs.edges.map((e) => e.node.lastError)).toEqual(["HTTP 500 c", "HTTP 400 b"]);
    const prospectId = Number(failed[2]!.jobId.split(":")[1]);
    expect(first.data!.failedJobs.edges[0]!.node).toMatchObject({
      id: toGlobalId("BackgroundJob", failed[2]!.id),
      jobName: JOBS.respondioAddProspect,
      status: "FAILED",
      attempts: 3,
      detail: "response body",
      prospect: { id: toGlobalId("Account", prospectId) },
    });
    const second = await admin.gql<FailedPage>(FAILED, { first: 2, after: first.data!.failedJobs.pageInfo.endCursor });
    expect(second.data!.failedJobs.edges.map((e) => e.node.lastError)).toEqual(["HTTP 400 a"]);
    expect(second.data!.failedJobs.pageInfo.hasNextPage).toBe(false);
  });

  it("should refuse a non-admin, even a manager who sees every account", async () => {
    const job = await jobWith("failed", "HTTP 400");
    expect((await manager.gql(FAILED)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await manager.gql(RETRY, { input: { jobId: toGlobalId("BackgroundJob", job.id) } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await manager.gql(`mutation { retryFailedJobs { count } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await api.db.dataSource.getRepository(OutboxEntity).findOneByOrFail({ id: job.id })).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("should put a failed job back to run, and the in-process runner then runs it to the end", async () => {
    const job = await jobWith("failed", "HTTP 503");
    const res = await admin.gql<{ retryJob: { status: string; attempts: number; lastError: string | null } }>(RETRY, { input: { jobId: toGlobalId("BackgroundJob", job.id) } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.retryJob).toEqual({ id: toGlobalId("BackgroundJob", job.id), status: "PENDING", attempts: 0, lastError: null });
    let runs = 0;
    const config = parseEnv({ NODE_ENV: "test", DATABASE_URL: api.db.url });
    const runner = new OutboxRunner({ dataSource: api.db.dataSource, config, logger: pino({ level: "silent" }), handlers: {
        [JOBS.respondioAddProspect]: async () => {
          runs += 1;
          return { status: "done" };
        },
      },
    });
    await runner.tick();
    expect(runs).toBe(1);
    expect(await api.db.dataSource.getRepository(OutboxEntity).findOneByOrFail({ id: job.id })).toMatchObject({ status: "done", attempts: 1, lastError: null });
  });

  it("should answer CONFLICT for a job that is not failed, NOT_FOUND for an unknown one and BAD_USER_INPUT for another kind of id", async () => {
    const done = await jobWith("done");
    const conflict = await admin.gql(RETRY, { input: { jobId: toGlobalId("BackgroundJob", done.id) } });
    expect(conflict.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect((await admin.gql(RETRY, { input: { jobId: toGlobalId("BackgroundJob", 999_999) } })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const wrongKind = await admin.gql(RETRY, { input: { jobId: toGlobalId("Account", done.id) } });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: { jobId: expect.any(String) } });
    expect(await api.db.dataSource.getRepository(OutboxEntity).findOneByOrFail({ id: done.id })).toMatchObject({ status: "done" });
  });

  it("should put every failed job back to run with retryFailedJobs and leave the others", async () => {
    await jobWith("failed", "x");
    await jobWith("failed", "y");
    await jobWith("skipped");
    const res = await admin.gql<{ retryFailedJobs: { count: number } }>(`mutation { retryFailedJobs { count } }`);
    expect(res.data!.retryFailedJobs.count).toBe(2);
    const statuses = (await api.db.dataSource.getRepository(OutboxEntity).find({ order: { id: "ASC" } })).map((row) => row.status);
    expect(statuses).toEqual(["pending", "pending", "skipped"]);
  });
});
