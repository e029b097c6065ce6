import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import pino from "pino";
import { createApp, type CrmApp } from "../src/app";
import { parseEnv } from "../src/config/env";
import type { Services } from "../src/graphql/services";
import { seedCatalogs } from "../src/db/seed/catalogs.seed";
import type { Dialect } from "../src/db/data-source";
import type { UserEntity } from "../src/modules/auth/user.entity";
import { openTestDatabase, type TestDatabase } from "./databases";
import { TEST_PASSWORD } from "./factories";
import { QueryCounter } from "./query-counter";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; fields?: Record<string, string> } }>;
  headers: Headers;
}

/** A signed-in (or anonymous) caller of the running API. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private cookie: string | null = null,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** `operationName` picks one operation of a document that has several (e.g. the web's .graphql files). */
  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      this.cookie = setCookie.split(";")[0] ?? null;
    }
    const body = (await response.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
    return { ...body, status: response.status, headers: response.headers };
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }
}

/** The real HTTP app on an ephemeral port over a fresh, migrated, catalog-seeded database. */
export interface TestApi {
  db: TestDatabase;
  services: Services;
  /** The app itself (its account-event bus: crm.bus). */
  crm: CrmApp;
  counter: QueryCounter;
  url: string;
  anonymous(): ApiClient;
  as(user: UserEntity): Promise<ApiClient>;
  /** A caller sending `Authorization: Bearer <secret>`. */
  withToken(secret: string): ApiClient;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Re-check interval of subscription sockets' sessions (default: the app's 60 s). */
  sessionRecheckMs?: number;
  /**
   * Another API's database: a second app instance (its own bus, sockets and rate limits) on the
   * same data, as a second API process would be. Closing this API leaves the database open.
   */
  database?: TestDatabase;
}

/**
 * `env` overrides the test environment (e.g. lower rate limits, REDIS_URL, DATABASE_REPLICA_URLS).
 * Subscriptions are served too (graphql-ws on /graphql): see test/subscriptions.ts.
 */
export async function startTestApi(dialect: Dialect, env: Record<string, string> = {}, options: TestApiOptions = {}): Promise<TestApi> {
  const counter = new QueryCounter();
  const replicaUrls = env.DATABASE_REPLICA_URLS?.split(",");
  const shared = options.database;
  const db = shared ? { ...shared, close: async () => undefined } : await openTestDatabase(dialect, { logger: counter, replicaUrls });
  let crm: CrmApp | null = null;
  let server: Server | null = null;
  try {
    if (!shared) {
      await seedCatalogs(db.dataSource);
    }
    // Suites make many requests from 127.0.0.1: a per-IP budget only where a test asks for one.
    const config = parseEnv({ NODE_ENV: "test", DATABASE_URL: db.url, WEB_DIST: "/nonexistent", IP_RATE_LIMIT_PER_MINUTE: "1000000", ...env });
    crm = await createApp({ config, dataSource: db.dataSource, logger: pino({ level: "silent" }), sessionRecheckMs: options.sessionRecheckMs });
    server = createServer(crm.app);
    crm.attach(server);
    await listen(server);
  } catch (error) {
    // A failed start must not leave the scratch database (MariaDB pool) or the app open: jest would never exit.
    await releaseAll(server, crm, db);
    throw error;
  }
  return running(server, crm, db, counter);
}

function listen(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Closes what was opened, in reverse order; a failing step does not keep the later ones open. Returns the first failure. */
async function releaseAll(server: Server | null, crm: CrmApp | null, db: TestDatabase): Promise<unknown> {
  const steps = [
    // Open sockets would keep server.close() waiting.
    () => crm?.closeSockets() ?? Promise.resolve(),
    () => (server?.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve()),
    () => crm?.stop() ?? Promise.resolve(),
    () => db.close(),
  ];
  let failure: unknown = null;
  for (const step of steps) {
    await step().catch((error: unknown) => {
      failure ??= error;
    });
  }
  return failure;
}

function running(server: Server, crm: CrmApp, db: TestDatabase, counter: QueryCounter): TestApi {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    db,
    services: crm.services,
    crm,
    counter,
    url,
    anonymous: () => new ApiClient(url),
    withToken: (secret) => new ApiClient(url, null, { authorization: `Bearer ${secret}` }),
    as: async (user) => {
      const client = new ApiClient(url);
      const login = await client.gql(`mutation($input: LoginInput!) { login(input: $input) { id } }`, { input: { email: user.email, password: TEST_PASSWORD } });
      if (login.errors) {
        throw new Error(`login as ${user.email} failed: ${login.errors[0]?.message}`);
      }
      return client;
    },
    close: async () => {
      const failure = await releaseAll(server, crm, db);
      if (failure) {
        throw failure;
      }
    },
  };
}
