import { startTestApi, type ApiClient, type TestApi } from "../../../test/api";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { toGlobalId } from "../../graphql/global-id";
import { OutboxEntity, type OutboxStatus } from "../../jobs/outbox.entity";
import { respondioAddProspectJob, writeOutbox } from "../../jobs/queues";
import type { UserEntity } from "../auth/user.entity";

const PAGE = `query($first: Int!) { accounts(first: $first) { edges { node { id respondioSync { status attempts lastError updatedAt } } } } }`;
const ONE = `query($id: ID!) { account(id: $id) { respondioSync { status attempts lastError } } }`;

interface Sync {
  status: string;
  attempts: number;
  lastError: string | null;
}

describe.each(testDialects())("Account.respondioSync on %s", (dialect) => {
  let api: TestApi;
  let owner: UserEntity;
  let client: ApiClient;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    owner = await buildUser(api.db.dataSource, ["crm", "sdr"]);
    client = await api.as(owner);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** A prospect with its outbox row set to `status` (no row when status is null). */
  async function prospectWith(status: OutboxStatus | null, changes: { attempts?: number; lastError?: string; detail?: string } = {}): Promise<string> {
    const ds = api.db.dataSource;
    const account = await buildProspect(ds, owner);
    if (status) {
      const job = respondioAddProspectJob(account.id);
      await writeOutbox(ds.manager, [job]);
      await ds.getRepository(OutboxEntity).update({ jobId: job.jobId }, { status, updatedAt: new Date(), ...changes });
    }
    return toGlobalId("Account", account.id);
  }

  async function syncOf(id: string): Promise<Sync | null> {
    const res = await client.gql<{ account: { respondioSync: Sync | null } }>(ONE, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.account.respondioSync;
  }

  it("should map each outbox outcome to a sync state when the prospect has a job", async () => {
    expect(await syncOf(await prospectWith("pending"))).toEqual({ status: "PENDING", attempts: 0, lastError: null });
    expect(await syncOf(await prospectWith("dispatched", { attempts: 2, lastError: "HTTP 503" }))).toEqual({ status: "PENDING", attempts: 2, lastError: "HTTP 503" });
    expect(await syncOf(await prospectWith("done", { attempts: 1 }))).toEqual({ status: "SYNCED", attempts: 1, lastError: null });
    expect(await syncOf(await prospectWith("failed", { attempts: 1, lastError: "HTTP 400: phone invalid" }))).toEqual({ status: "FAILED", attempts: 1, lastError: "HTTP 400: phone invalid" });
    expect(await syncOf(await prospectWith("skipped", { attempts: 1, detail: "not configured" }))).toEqual({ status: "SKIPPED", attempts: 1, lastError: "not configured" });
  });

  it("should be null when no job was enqueued for the prospect", async () => {
    expect(await syncOf(await prospectWith(null))).toBeNull();
  });

  it("should be PENDING right after createProspect, whose transaction writes the job", async () => {
    const me = await client.gql<{ catalogs: { locales: Array<{ id: number; phoneCode: string }> } }>(`{ catalogs { locales { id phoneCode } } }`);
    const locale = me.data!.catalogs.locales.find((l) => l.phoneCode === "52")!;
    const created = await client.gql<{ createProspect: { id: string; respondioSync: Sync | null } }>(
      `mutation($input: CreateProspectInput!) { createProspect(input: $input) { id respondioSync { status attempts lastError } } }`,
      { input: { name: "Sync Nuevo", companyName: "Sync Logística", email: "sync.nuevo@example.com", localeId: locale.id } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProspect.respondioSync).toEqual({ status: "PENDING", attempts: 0, lastError: null });
  });

  it("should cost the same statements for pages of 3 and 12 accounts", async () => {
    for (let i = 0; i < 12; i += 1) {
      await prospectWith(i % 3 === 0 ? null : "done");
    }
    const counts: number[] = [];
    for (const first of [3, 12]) {
      const { result, statements } = await api.counter.count(() => client.gql<{ accounts: { edges: Array<{ node: { respondioSync: Sync | null } }> } }>(PAGE, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data!.accounts.edges).toHaveLength(first);
      counts.push(statements.filter((sql) => /\boutbox\b/.test(sql)).length);
    }
    expect(counts).toEqual([1, 1]);
  });
});
