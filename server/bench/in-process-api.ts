import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import type { DataSource } from "typeorm";
import { createApp, type CrmApp } from "../src/app";
import { parseEnv } from "../src/config/env";
import { createDataSource } from "../src/db/data-source";
import { QueryCounter } from "../test/query-counter";

/** The app in this process over the bench database, with every SQL statement it sends counted. */
export interface CountingApi {
  url: string;
  counter: QueryCounter;
  dataSource: DataSource;
  /** POST /graphql with the Bearer token; throws on GraphQL errors. */
  gql<T>(query: string, variables: Record<string, unknown>, operationName?: string): Promise<T>;
  close(): Promise<void>;
}

export async function startCountingApi(databaseUrl: string, token: string): Promise<CountingApi> {
  const counter = new QueryCounter();
  const dataSource = await createDataSource(databaseUrl, { logger: counter, poolSize: 5 });
  await dataSource.initialize();
  let crm: CrmApp | null = null;
  let server: Server | null = null;
  try {
    const config = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "bench-only-session-secret-0123456789",
      DATABASE_URL: databaseUrl,
      WEB_DIST: "/nonexistent",
      LOG_LEVEL: "silent",
      TOKEN_RATE_LIMIT_PER_MINUTE: "100000000",
      IP_RATE_LIMIT_PER_MINUTE: "100000000",
    });
    crm = await createApp({ config, dataSource, logger: pino({ level: "silent" }) });
    const listening = createServer(crm.app);
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(0, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    await crm?.stop().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = crm;
  const http = server;
  return {
    url,
    counter,
    dataSource,
    gql: async <T>(query: string, variables: Record<string, unknown>, operationName?: string) => postGraphQL<T>(url, token, query, variables, operationName),
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await app.stop();
      await dataSource.destroy();
    },
  };
}

/** One GraphQL request with a Bearer token; GraphQL errors become an exception naming the operation. */
export async function postGraphQL<T>(url: string, token: string, query: string, variables: Record<string, unknown>, operationName?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) {
    throw new Error(`${operationName ?? "GraphQL request"} failed (HTTP ${response.status}): ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return body.data;
}
