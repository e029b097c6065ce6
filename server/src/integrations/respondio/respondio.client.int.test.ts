import pino from "pino";
import { FakeRespondio } from "../../../test/fake-respondio";
import { parseEnv } from "../../config/env";
import { PermanentJobError, RetryableJobError } from "../../jobs/job-handler";
import { isRespondioConfigured, logRespondioStatus, parseRetryAfter, RespondioClient } from "./respondio.client";

const TOKEN = "rio-secret-token-123456";
const ID = "phone:%2B525512345678";

/** The rejection of `promise` (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) {
    throw new Error("expected a rejection");
  }
  return outcome;
}

describe("RespondioClient against the fake Respond.io", () => {
  const fake = new FakeRespondio({ token: TOKEN });
  let client: RespondioClient;
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await fake.start();
    // A trailing slash on the configured URL must not double the slash of the paths.
    // The product's 10 s for calls the fake answers (a loaded machine cannot time them out);
    // the hanging-call test builds its own client with 300 ms.
    client = new RespondioClient(parseEnv({ RESPONDIO_API_URL: `${baseUrl}/`, RESPONDIO_API_TOKEN: TOKEN, RESPONDIO_TIMEOUT_MS: "10000" }));
  });

  afterEach(() => fake.reset());
  afterAll(() => fake.stop());

  it("should POST JSON with the bearer token under the base path", async () => {
    await expect(client.upsertContact(ID, { firstName: "Ana", email: "ana@martinez.example" })).resolves.toMatchObject({ code: 200 });
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call).toMatchObject({ endpoint: "upsertContact", method: "POST", path: `/contact/create_or_update/${ID}`, identifier: "phone:+525512345678" });
    expect(call!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, "content-type": "application/json" });
    expect(call!.body).toEqual({ firstName: "Ana", email: "ana@martinez.example" });
  });

  it("should surface a 429's Retry-After in seconds as a retryable error's retryAfterMs", async () => {
    fake.queue("upsertContact", { status: 429, body: { message: "Too many requests" }, headers: { "retry-after": "7" } });
    const error = await failure(client.upsertContact(ID, { firstName: "Ana" }));
    expect(error).toBeInstanceOf(RetryableJobError);
    expect((error as RetryableJobError).retryAfterMs).toBe(7000);
    expect(error.message).toContain("429");
    await expect(client.upsertContact(ID, { firstName: "Ana" })).resolves.toBeTruthy();
    expect(fake.contacts.get("phone:+525512345678")?.upserts).toBe(1);
  });

  it("should treat 500 and 503 as retryable, keeping the answer in the message", async () => {
    fake.queue("updateLifecycle", { status: 500, body: { message: "boom" } }, { status: 503, body: "maintenance" });
    for (const expected of ["500", "503"]) {
      const error = await failure(client.updateLifecycle(ID, "New Lead"));
      expect(error).toBeInstanceOf(RetryableJobError);
      expect(error.message).toContain(`HTTP ${expected}`);
      expect((error as RetryableJobError).retryAfterMs).toBeUndefined();
    }
  });

  it("should treat 400 as permanent, recording the status and the (cut) response body", async () => {
    fake.queue("upsertContact", { status: 400, body: { message: "email is invalid", padding: "x".repeat(5000) } });
    const error = await failure(client.upsertContact(ID, { firstName: "Ana", email: "nope" }));
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(error.message).toContain("400");
    const detail = (error as PermanentJobError).detail ?? "";
    expect(detail).toContain("HTTP 400 POST /contact/create_or_update/");
    expect(detail).toContain("email is invalid");
    expect(detail.length).toBeLessThan(1200);
  });

  it.each([401, 404, 409])("should treat %i as permanent", async (status) => {
    fake.queue("assignConversation", { status, body: { message: "no" } });
    await expect(client.assignConversation(ID, "kae@crm.example")).rejects.toBeInstanceOf(PermanentJobError);
  });

  it("should time out a call that never answers, as a retryable error", async () => {
    fake.queue("conversationStatus", { hang: true });
    const shortTimeout = new RespondioClient(parseEnv({ RESPONDIO_API_URL: baseUrl, RESPONDIO_API_TOKEN: TOKEN, RESPONDIO_TIMEOUT_MS: "300" }));
    const error = await failure(shortTimeout.openConversation(ID));
    expect(error).toBeInstanceOf(RetryableJobError);
    expect(error.message).toContain("timed out after 300 ms");
    expect(fake.callsTo("conversationStatus")).toHaveLength(1);
  });

  it("should give up a call when the job's signal is aborted (shutdown), as a retryable error", async () => {
    fake.queue("conversationStatus", { hang: true });
    const controller = new AbortController();
    const pending = failure(client.openConversation(ID, controller.signal));
    await fake.waitForCalls("conversationStatus", 1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(RetryableJobError);
    expect(error.message).toContain("shutting down");
  });

  it("should treat a dropped connection as a retryable network error", async () => {
    fake.queue("upsertContact", { reset: true });
    const error = await failure(client.upsertContact(ID, { firstName: "Ana" }));
    expect(error).toBeInstanceOf(RetryableJobError);
    expect(error.message).toContain("network error");
  });

  it("should treat an unreachable API as a retryable network error", async () => {
    const closed = new FakeRespondio();
    const url = await closed.start();
    await closed.stop();
    const offline = new RespondioClient(parseEnv({ RESPONDIO_API_URL: url, RESPONDIO_API_TOKEN: TOKEN }));
    const error = await failure(offline.getContact(ID));
    expect(error).toBeInstanceOf(RetryableJobError);
    expect(error.message).toMatch(/network error: ECONNREFUSED/);
  });

  it("should never put the token in an error, even when the API echoes it", async () => {
    fake.queue("upsertContact", { status: 400, body: { message: `bad token Bearer ${TOKEN}` } });
    const refused = await failure(client.upsertContact(ID, { firstName: "Ana" }));
    const wrongToken = new RespondioClient(parseEnv({ RESPONDIO_API_URL: baseUrl, RESPONDIO_API_TOKEN: "another-token-999" }));
    const unauthorized = await failure(wrongToken.getContact(ID));
    expect(unauthorized).toBeInstanceOf(PermanentJobError);
    expect((unauthorized as PermanentJobError).detail).toContain("HTTP 401");
    for (const error of [refused, unauthorized]) {
      const recorded = `${error.message} ${(error as PermanentJobError).detail} ${error.stack}`;
      expect(recorded).not.toContain(TOKEN);
      expect(recorded).not.toContain("another-token-999");
    }
    expect((refused as PermanentJobError).detail).toContain("[redacted]");
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-27T01:00:00Z");

  it("should read delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Fri, 27 Nov 2026 01:00:30 GMT", now)).toBe(30_000);
  });

  it("should clamp past dates to 0 and cap long waits at 15 minutes", () => {
    expect(parseRetryAfter("Fri, 27 Nov 2026 00:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("86400", now)).toBe(15 * 60_000);
  });

  it("should ignore a missing or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("Respond.io configuration", () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: pino({ level: "trace" }, { write: (line: string) => lines.push(line) }) };
  };

  it("should log one clear line when no token is set", () => {
    const config = parseEnv({});
    expect(isRespondioConfigured(config)).toBe(false);
    expect(config.RESPONDIO_API_URL).toBe("https://api.respond.io/v2");
    expect(config.RESPONDIO_TIMEOUT_MS).toBe(10_000);
    const { lines, logger } = capture();
    logRespondioStatus(config, logger);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("RESPONDIO_API_TOKEN is not set");
  });

  it("should log one line naming the API but not the token nor URL credentials when configured", () => {
    const config = parseEnv({ RESPONDIO_API_URL: "https://user:pw@rio.example/v2", RESPONDIO_API_TOKEN: TOKEN });
    const { lines, logger } = capture();
    logRespondioStatus(config, logger);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("https://rio.example/v2");
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain("pw@");
  });

  it("should refuse a base URL that is not http(s) and a non-numeric timeout, naming them", () => {
    expect(() => parseEnv({ RESPONDIO_API_URL: "ftp://rio.example", RESPONDIO_TIMEOUT_MS: "soon" })).toThrow(/RESPONDIO_API_URL[\s\S]*RESPONDIO_TIMEOUT_MS/);
    expect(() => parseEnv({ RESPONDIO_API_URL: "api.respond.io/v2" })).toThrow(/RESPONDIO_API_URL: must be an http\(s\) URL/);
  });
});
