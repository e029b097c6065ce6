import { isIP } from "node:net";
import { z } from "zod";

/** Problems found in the environment, one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const databaseUrl = z
  .string()
  .refine((v) => /^sqlite:.+/.test(v) || /^mysql:\/\/.+/.test(v) || /^mariadb:\/\/.+/.test(v), {
    message: "must be sqlite:<path>, sqlite::memory:, or mysql://user:pass@host:port/db",
  });

/** A URL with any password hidden, for error messages. */
function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/)?[^@/]*@/i, (_m, scheme: string | undefined) => `${scheme ?? ""}***@`);
}

/** A mysql:// (or mariadb://) URL that names a database. */
function isMysqlUrl(url: string): boolean {
  return /^(mysql|mariadb):\/\/.+/.test(url) && URL.canParse(url) && new URL(url).pathname.replace(/^\//, "") !== "";
}

/** Comma-separated read replica URLs; each entry is checked on its own so the error names the bad one. */
const replicaUrls = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter((entry) => entry !== ""))
  .superRefine((urls, ctx) => {
    urls.forEach((url, index) => {
      if (!isMysqlUrl(url)) {
        ctx.addIssue({ code: "custom", message: `entry ${index + 1} (${redactUrl(url)}) must be mysql://user:pass@host:port/db` });
      }
    });
  });

/** An absolute http(s) URL; `example` goes into the error message. */
const httpUrl = (example: string) =>
  z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: `must be an http(s) URL, e.g. ${example}` });

/** Express's trust proxy: a hop count, true/false, or comma-separated loopback/linklocal/uniquelocal names and IPs/CIDRs. */
const trustProxy = z
  .string()
  .refine(
    (v) => /^(\d+|true|false)$/.test(v) || v.split(",").every((entry) => /^(loopback|linklocal|uniquelocal)$/.test(entry.trim()) || isIP(entry.trim().split("/")[0] ?? "") !== 0),
    { message: "must be a hop count, true/false, or a comma-separated list of loopback, linklocal, uniquelocal, IPs or CIDRs" },
  )
  .transform((v): string | number | boolean => (/^\d+$/.test(v) ? Number(v) : v === "true" ? true : v === "false" ? false : v));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: databaseUrl.default("sqlite:data/crm.sqlite"),
  /** Read replicas of DATABASE_URL (MySQL only): GraphQL queries read from them, everything else uses the primary. */
  DATABASE_REPLICA_URLS: replicaUrls.optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "must be redis://host:port or rediss://host:port")
    .optional(),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(24 * 14),
  /** Requests per minute one API token may make. */
  TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** Requests per minute to /graphql from one IP address. */
  IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO_DATA: z.enum(["true", "false"]).optional(),
  WEB_DIST: z.string().optional(),
  /** smtp://user:pass@host:port or smtps://…; unset, emails go to the dev outbox (sent_emails rows with status dev_outbox). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be smtp://user:pass@host:port or smtps://user:pass@host:port")
    .optional(),
  /** Sender of emails sent from the side panel. */
  MAIL_FROM: z.string().min(3).default("CRM <crm@localhost>"),
  /** Respond.io Developer API base URL (a local fake in tests). */
  RESPONDIO_API_URL: httpUrl("https://api.respond.io/v2").default("https://api.respond.io/v2"),
  /** Respond.io workspace access token (secret: never logged). Unset, the lead sync is skipped. */
  RESPONDIO_API_TOKEN: z.string().min(8, "must be at least 8 characters").optional(),
  /** Longest wait for one Respond.io call before it counts as a retryable timeout. */
  RESPONDIO_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Where users open the CRM (e.g. https://crm.example.com); gives Respond.io contacts a link back to their account. */
  CRM_PUBLIC_URL: httpUrl("https://crm.example.com").optional(),
  /** Runs of one background job before it is failed (the first run included). */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** Wait before a job's first retry; doubles per attempt up to JOB_MAX_BACKOFF_MS. */
  JOB_BACKOFF_MS: z.coerce.number().int().min(1).default(10_000),
  JOB_MAX_BACKOFF_MS: z.coerce.number().int().min(1).default(3_600_000),
  /** Jobs run at once per queue (worker) or per API process (in-process runner). */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** BullMQ lock of a running job: a worker that died holding it has its job retried after about this long. */
  JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  /** On SIGTERM a running job gets this long to finish before its handler is aborted and the job released. */
  JOB_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Finished BullMQ jobs kept in Redis per queue (completed for a day, failed for 14 days, at most this many). */
  JOB_KEEP_COMPLETED: z.coerce.number().int().min(0).default(1_000),
  JOB_KEEP_FAILED: z.coerce.number().int().min(0).default(5_000),
  /**
   * How long an API process's claim on a CSV import holds without renewal (every committed batch renews it):
   * an import whose process died is resumed by another (or the restarted) process once it expires.
   */
  IMPORT_LEASE_MS: z.coerce.number().int().min(1_000).default(120_000),
  /** How often the outbox is polled for due jobs (relay and in-process runner). */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  /** On SIGTERM the API finishes its in-flight requests within this long, or exits 1 (keep it below the orchestrator's grace period). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(25_000),
  /** Express "trust proxy": whose X-Forwarded-For is believed for the client IP (rate limits); behind a proxy on a private network: `loopback, uniquelocal`. */
  TRUST_PROXY: trustProxy.default("loopback"),
});

export type Env = Readonly<
  Omit<z.infer<typeof schema>, "DEMO_DATA" | "SESSION_SECRET" | "DATABASE_REPLICA_URLS"> & {
    SESSION_SECRET: string;
    /** Empty without replicas. */
    DATABASE_REPLICA_URLS: readonly string[];
    /** Seed the demo users and accounts on an empty database (never in production). */
    DEMO_DATA: boolean;
  }
>;

/** Parses an environment; every problem is listed, not just the first. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  const value = result.data;
  const problems: string[] = [];
  if (value.NODE_ENV === "production" && !value.SESSION_SECRET) {
    problems.push("SESSION_SECRET: required when NODE_ENV=production");
  }
  if (value.NODE_ENV === "production" && value.DEMO_DATA === "true") {
    problems.push("DEMO_DATA: demo logins are never seeded when NODE_ENV=production");
  }
  const replicas = value.DATABASE_REPLICA_URLS ?? [];
  if (replicas.length > 0 && value.DATABASE_URL.startsWith("sqlite:")) {
    problems.push(`DATABASE_REPLICA_URLS: read replicas need a MySQL DATABASE_URL, but DATABASE_URL is ${value.DATABASE_URL}`);
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return Object.freeze({
    ...value,
    SESSION_SECRET: value.SESSION_SECRET ?? "development-only-session-secret",
    DATABASE_REPLICA_URLS: Object.freeze(replicas),
    DEMO_DATA: value.NODE_ENV !== "production" && value.DEMO_DATA !== "false",
  });
}

let cached: Env | undefined;

/** The process configuration, validated once. The only reader of process.env. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Flags read by test tooling (kept here so process.env has one reader). */
export function testFlags(): { requireServices: boolean; mariadbUrl: string; redisUrl: string } {
  return {
    requireServices: process.env.REQUIRE_SERVICES === "1",
    mariadbUrl: process.env.TEST_MARIADB_URL ?? "mysql://root@127.0.0.1:3306/test",
    redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  };
}
