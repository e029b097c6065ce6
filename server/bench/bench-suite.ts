/**
 * The contract between `npm run bench` (bench.cli.ts) and its suites. The orchestrator seeds the
 * dedicated MariaDB database, starts the built API against it, runs every suite of suites.ts in
 * order and writes BENCHMARKS.md and bench-results.json from the figures they return.
 *
 * Figures are ratios against a baseline measured in the same run, or counts that do not depend on
 * the machine: this machine has 2 cores and is shared, so an absolute time is only a guide.
 */
import type { DataSource } from "typeorm";

export interface BenchApi {
  /** Base URL of the built API process (`node dist/main.js`), e.g. http://127.0.0.1:40123. */
  url: string;
  /** Bearer token (READ and WRITE scopes) of a manager who sees every account. */
  token: string;
  /** That manager's demo login (email and password), for a session sign-in (e.g. the web suite in Chromium). */
  signIn: { email: string; password: string };
  /** The API process id (its CPU time is in /proc/<pid>/stat), when the orchestrator started it. */
  pid?: number;
}

export interface BenchContext {
  /** `--quick`: a 1–2 minute run with smaller volumes and fewer samples. */
  quick: boolean;
  /** mysql://… of the dedicated bench database. */
  databaseUrl: string;
  /** Volume accounts seeded in that database (with contacts, notes, locations, follow-up data). */
  accounts: number;
  /** A TypeORM data source on the bench database, for setup and raw baselines. */
  dataSource: DataSource;
  api: BenchApi;
  /** Repository root (BENCHMARKS.md, web/dist, server/dist live under it). */
  root: string;
  /** Progress line on stderr; never part of the report. */
  log(message: string): void;
}

export type FigureUnit = "statements" | "ms" | "s" | "rows/s" | "req/s" | "MB" | "KB" | "×" | "count";

export interface Figure {
  /** Stable key for bench-results.json, e.g. "sql.accountsPage.100". */
  key: string;
  /** What was measured, as a reader says it. */
  label: string;
  value: number;
  unit: FigureUnit;
  /** The baseline measured in the same run that this figure is compared with. */
  baseline?: { label: string; value: number; unit: FigureUnit };
  /** The target from issue 10 and whether this run met it. */
  target?: { text: string; met: boolean };
}

export interface SuiteResult {
  figures: Figure[];
  /** Markdown paragraphs: how it was measured, and for each missed target its measured cause. */
  notes?: string[];
}

export interface BenchSuite {
  /** Stable id, e.g. "sql-counts". */
  id: string;
  /** Section title in BENCHMARKS.md. */
  title: string;
  run(ctx: BenchContext): Promise<SuiteResult>;
}
