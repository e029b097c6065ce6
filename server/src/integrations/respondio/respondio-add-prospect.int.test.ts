import pino from "pino";
import { openTestDatabase, testDialects, type TestDatabase } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { FakeRespondio } from "../../../test/fake-respondio";
import { parseEnv, type Env } from "../../config/env";
import { seedCatalogs } from "../../db/seed/catalogs.seed";
import { toGlobalId } from "../../graphql/global-id";
import { PermanentJobError, RetryableJobError, type JobResult } from "../../jobs/job-handler";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import type { UserEntity } from "../../modules/auth/user.entity";
import { loadProspectForSync, respondioAddProspect, RESPONDIO_NOT_CONFIGURED } from "./respondio-add-prospect.job";

const TOKEN = "rio-job-token-abcdef";

describe.each(testDialects())("respondio_add_prospect on %s", (dialect) => {
  const fake = new FakeRespondio({ token: TOKEN });
  const logLines: string[] = [];
  const logger = pino({ level: "trace" }, { write: (line: string) => logLines.push(line) });
  let db: TestDatabase;
  let config: Env;
  let salesman: UserEntity;

  const run = (prospectId: unknown, options: { config?: Env; signal?: AbortSignal } = {}): Promise<JobResult> =>
    respondioAddProspect({ prospectId }, { dataSource: db.dataSource, config: options.config ?? config, logger, attempt: 1, signal: options.signal ?? new AbortController().signal });

  /** The rejection of a run (fails the test when it resolves). */
  const failure = async (prospectId: number, options: { config?: Env; signal?: AbortSignal } = {}): Promise<Error> => {
    const outcome: unknown = await run(prospectId, options).then(
      () => null,
      (error: unknown) => error,
    );
    if (!(outcome instanceof Error)) {
      throw new Error("expected the job to throw");
    }
    return outcome;
  };

  const prospect = (overrides: Partial<AccountEntity> = {}) =>
    buildProspect(db.dataSource, salesman, { name: "Ana María Pérez", companyName: "Mudanzas Martínez", phoneCode: "52", phone: "5512345678", email: "ana@martinez.example", ...overrides });

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedCatalogs(db.dataSource);
    salesman = await buildUser(db.dataSource, ["crm", "sdr"], { email: `kae-${dialect}@crm.example` });
    const url = await fake.start();
    config = parseEnv({ NODE_ENV: "test", DATABASE_URL: db.url, RESPONDIO_API_URL: url, RESPONDIO_API_TOKEN: TOKEN, RESPONDIO_TIMEOUT_MS: "10000", CRM_PUBLIC_URL: "https://crm.example.com" });
  });

  afterEach(() => fake.reset());

  afterAll(async () => {
    await fake.stop();
    await db?.close();
  });

  it("should make the four calls in order with the right paths, bodies and bearer token", async () => {
    const account = await prospect();
    await expect(run(account.id)).resolves.toEqual({ status: "done" });
    const id = "phone:%2B525512345678";
    expect(fake.calls.map((c) => [c.method, c.path])).toEqual([
      ["POST", `/contact/create_or_update/${id}`],
      ["POST", `/contact/${id}/conversation/assignee`],
      ["POST", `/contact/${id}/lifecycle/update`],
      ["POST", `/contact/${id}/conversation/status`],
    ]);
    expect(fake.calls.map((c) => c.body)).toEqual([
      {
        firstName: "Ana",
        lastName: "María Pérez",
        email: "ana@martinez.example",
        phone: "+525512345678",
        custom_fields: [
          { name: "company", value: "Mudanzas Martínez" },
          { name: "crm_account_id", value: String(account.id) },
          { name: "crm_url", value: `https://crm.example.com/?account=${toGlobalId("Account", account.id)}` },
        ],
      },
      { assignee: salesman.email },
      { name: "New Lead" },
      { status: "open" },
    ]);
    expect(fake.calls.every((c) => c.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(fake.contacts.get("phone:+525512345678")).toMatchObject({ upserts: 1, assignee: salesman.email, lifecycle: "New Lead", conversationStatus: "open" });
  });

  it("should keep one contact when the job runs again (at-least-once delivery)", async () => {
    const account = await prospect({ phone: "5523456789" });
    await run(account.id);
    await run(account.id);
    expect(fake.contacts.size).toBe(1);
    expect(fake.contacts.get("phone:+525523456789")?.upserts).toBe(2);
  });

  it("should identify an email-only prospect by email", async () => {
    const account = await prospect({ phoneCode: null, phone: null, email: "solo@correo.example" });
    await expect(run(account.id)).resolves.toEqual({ status: "done" });
    expect(fake.calls[0]?.path).toBe("/contact/create_or_update/email:solo%40correo.example");
    expect(fake.contacts.get("email:solo@correo.example")).toMatchObject({ upserts: 1, lifecycle: "New Lead", conversationStatus: "open" });
  });

  it("should retry after a 429 with its Retry-After and then end synced", async () => {
    const account = await prospect({ phone: "5534567890" });
    fake.queue("updateLifecycle", { status: 429, headers: { "retry-after": "3" }, body: { message: "rate limited" } });
    const error = await failure(account.id);
    expect(error).toBeInstanceOf(RetryableJobError);
    expect((error as RetryableJobError).retryAfterMs).toBe(3000);
    await expect(run(account.id)).resolves.toEqual({ status: "done" });
    expect(fake.contacts.get("phone:+525534567890")).toMatchObject({ upserts: 2, lifecycle: "New Lead", conversationStatus: "open" });
  });

  it("should throw retryable on a 500 and stop before the next steps", async () => {
    const account = await prospect({ phone: "5545678901" });
    fake.queue("upsertContact", { status: 500, body: { message: "internal" } });
    expect(await failure(account.id)).toBeInstanceOf(RetryableJobError);
    expect(fake.calls.map((c) => c.endpoint)).toEqual(["upsertContact"]);
  });

  it("should fail for good on a 400, with the reason recorded", async () => {
    const account = await prospect({ phone: "5556789012" });
    fake.queue("upsertContact", { status: 400, body: { message: "firstName is too long" } });
    const error = await failure(account.id);
    expect(error).toBeInstanceOf(PermanentJobError);
    expect((error as PermanentJobError).detail).toContain("firstName is too long");
    expect(fake.calls).toHaveLength(1);
  });

  it("should still set the lifecycle and open the conversation when the assignee is refused, then fail naming it", async () => {
    const account = await prospect({ phone: "5567890123" });
    fake.queue("assignConversation", { status: 404, body: { message: "User not found" } });
    const error = await failure(account.id);
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(error.message).toContain(`assigning the conversation to ${salesman.email} failed`);
    expect((error as PermanentJobError).detail).toContain("User not found");
    expect(fake.contacts.get("phone:+525567890123")).toMatchObject({ assignee: null, lifecycle: "New Lead", conversationStatus: "open" });
  });

  it("should time out a hanging call as retryable", async () => {
    const account = await prospect({ phone: "5578901234" });
    fake.queue("conversationStatus", { hang: true });
    // Only this test uses a short timeout: the call hangs for good, so any timeout is reached;
    // the other tests keep the product's 10 s, so a loaded machine cannot time them out.
    const error = await failure(account.id, { config: { ...config, RESPONDIO_TIMEOUT_MS: 300 } });
    expect(error).toBeInstanceOf(RetryableJobError);
    expect(error.message).toContain("timed out");
  });

  it("should skip the assignment when the prospect has no active salesman", async () => {
    const inactive = await buildUser(db.dataSource, ["crm"], { active: false });
    const unassigned = await prospect({ phone: "5589012345", salesmanId: null });
    const leftBehind = await prospect({ phone: "5590123456", salesmanId: inactive.id });
    for (const account of [unassigned, leftBehind]) {
      fake.reset();
      await expect(run(account.id)).resolves.toEqual({ status: "done" });
      expect(fake.calls.map((c) => c.endpoint)).toEqual(["upsertContact", "updateLifecycle", "conversationStatus"]);
    }
  });

  it("should stop between steps when the worker shuts down", async () => {
    const account = await prospect({ phone: "5501234567" });
    const controller = new AbortController();
    const pending = failure(account.id, { signal: controller.signal });
    await fake.waitForCalls("upsertContact", 1);
    controller.abort();
    expect(await pending).toBeInstanceOf(RetryableJobError);
    expect(fake.callsTo("assignConversation")).toHaveLength(0);
  });

  it("should skip a prospect removed or converted since, or gone, without calling Respond.io", async () => {
    const removed = await prospect({ phone: "5511112222", status: AccountStatusCode.removed });
    const converted = await prospect({ phone: "5511113333", type: AccountTypeCode.client });
    await expect(run(removed.id)).resolves.toEqual({ status: "skipped", reason: `prospect ${removed.id} was removed before it was synced` });
    await expect(run(converted.id)).resolves.toEqual({ status: "skipped", reason: `prospect ${converted.id} was converted to a client before it was synced` });
    await expect(run(999_999)).resolves.toEqual({ status: "skipped", reason: "prospect 999999 no longer exists" });
    expect(fake.calls).toHaveLength(0);
  });

  it("should fail for good a prospect with neither phone nor email, and a payload without a prospect id", async () => {
    const account = await prospect({ phoneCode: null, phone: null, email: null });
    expect(await failure(account.id)).toBeInstanceOf(PermanentJobError);
    await expect(run("42")).rejects.toBeInstanceOf(PermanentJobError);
    expect(fake.calls).toHaveLength(0);
  });

  it("should be skipped as not configured without a token, calling and logging nothing", async () => {
    const account = await prospect({ phone: "5511114444" });
    const before = logLines.length;
    const unconfigured = parseEnv({ NODE_ENV: "test", DATABASE_URL: db.url, RESPONDIO_API_URL: config.RESPONDIO_API_URL });
    await expect(run(account.id, { config: unconfigured })).resolves.toEqual({ status: "skipped", reason: RESPONDIO_NOT_CONFIGURED });
    expect(logLines.length).toBe(before);
    expect(fake.calls).toHaveLength(0);
  });

  it("should load the prospect with its salesman's email and its locale's calling code", async () => {
    const account = await prospect({ phoneCode: null, phone: "5512121212" });
    const loaded = await loadProspectForSync(db.dataSource, account.id);
    expect(loaded).toEqual({
      prospect: expect.objectContaining({ id: account.id, phoneCode: null, localePhoneCode: "52", localePhoneDigits: 10, salesmanEmail: salesman.email }),
    });
  });

  it("should never log the token nor put it in an error, even when the API echoes it", async () => {
    const synced = await prospect({ phone: "5511115555" });
    const refused = await prospect({ phone: "5511116666", salesmanId: null });
    const before = logLines.length;
    await run(synced.id);
    fake.queue("upsertContact", { status: 400, body: { message: `token ${TOKEN} may not create contacts` } });
    const error = await failure(refused.id);
    const written = logLines.slice(before);
    expect(written.length).toBeGreaterThan(0);
    expect(written.join("\n")).not.toContain(TOKEN);
    expect(`${error.message} ${(error as PermanentJobError).detail}`).not.toContain(TOKEN);
  });
});
