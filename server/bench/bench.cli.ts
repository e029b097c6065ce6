/** npm run bench [-- --quick --only id,… --database name --accounts N]: see BENCH_USAGE. */
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { DataSource } from "typeorm";
import { REPOSITORY_ROOT, redisAnswers, startBenchApi } from "./bench-api";
import { BENCH_USAGE, BenchArgsError, parseBenchArgs } from "./bench-args";
import { prepareBenchDatabase } from "./bench-database";
import { formatValue, keptSuites, mergeOutcomes, renderReport, resultsJson, type BenchRun, type MachineInfo, type SuiteOutcome } from "./bench-report";
import type { BenchContext } from "./bench-suite";
import { createBenchCredentials } from "./bench-token";
import { BENCH_SUITES } from "./suites";

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function gitCommit(root: string): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    // The report's own files (a previous run's) do not make the measured code differ from the commit.
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md", ":!bench-results.json"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown (not a git checkout)";
  }
}

async function machineInfo(dataSource: DataSource): Promise<MachineInfo> {
  const rows = (await dataSource.query("SELECT VERSION() AS version")) as Array<{ version: string }>;
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    cpus: cores.length,
    ramGb: totalmem() / 1024 ** 3,
    node: process.version,
    mariadb: rows[0]?.version ?? "unknown",
    os: `${type()} ${release()}`,
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return (error.stack ?? `${error.name}: ${error.message}`).split("\n").slice(0, 8).join("\n");
  }
  return String(error);
}

async function main(): Promise<number> {
  const ids = BENCH_SUITES.map((s) => s.id);
  const args = parseBenchArgs(process.argv.slice(2), ids);
  if (args.help) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  const startedAt = new Date();
  // The code measured is the tree as the run starts (what is edited while it runs is not loaded).
  const commit = gitCommit(REPOSITORY_ROOT);
  const t0 = performance.now();
  const root = REPOSITORY_ROOT;
  const suites = args.only ? BENCH_SUITES.filter((s) => args.only?.includes(s.id)) : BENCH_SUITES;
  log(`${args.quick ? "quick" : "full"} run: ${suites.map((s) => s.id).join(", ") || "no suites"}; ${args.accounts.toLocaleString("en-US")} accounts in ${args.database}`);

  const db = await prepareBenchDatabase({ serverUrl: args.server, name: args.database, accounts: args.accounts, log });
  const machine = await machineInfo(db.dataSource).catch(async (error: unknown) => {
    await db.dataSource.destroy();
    throw error;
  });
  const outcomes: SuiteOutcome[] = [];
  let api: Awaited<ReturnType<typeof startBenchApi>> | null = null;
  try {
    const credentials = await createBenchCredentials(db.dataSource);
    api = await startBenchApi({ databaseUrl: db.url, root });
    log(`API (server/dist/main.js) at ${api.url}`);
    const ctx: BenchContext = {
      quick: args.quick,
      databaseUrl: db.url,
      accounts: args.accounts,
      dataSource: db.dataSource,
      api: { url: api.url, token: credentials.token, signIn: credentials.signIn, pid: api.pid },
      root,
      log: (message) => log(message),
    };
    for (const suite of suites) {
      const started = performance.now();
      log(`suite ${suite.id}: running`);
      try {
        const result = await suite.run({ ...ctx, log: (message) => log(`${suite.id}: ${message}`) });
        outcomes.push({ id: suite.id, title: suite.title, seconds: (performance.now() - started) / 1000, result });
        for (const f of result.figures) {
          const baseline = f.baseline ? ` (${f.baseline.label}: ${formatValue(f.baseline.value, f.baseline.unit)})` : "";
          const target = f.target ? ` target ${f.target.text}: ${f.target.met ? "met" : "MISSED"}` : "";
          log(`  ${f.key} = ${formatValue(f.value, f.unit)}${baseline}${target}`);
        }
        const missed = result.figures.filter((f) => f.target && !f.target.met).length;
        log(`suite ${suite.id}: ${result.figures.length} figures${missed ? `, ${missed} targets missed` : ""} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        outcomes.push({ id: suite.id, title: suite.title, seconds: (performance.now() - started) / 1000, error: describe(error) });
        log(`suite ${suite.id}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await api?.stop();
    await db.dataSource.destroy();
  }

  const run: BenchRun = {
    startedAt,
    seconds: (performance.now() - t0) / 1000,
    commit,
    quick: args.quick,
    only: args.only,
    database: args.database,
    accounts: args.accounts,
    accountRows: db.accountRows,
    seedSeconds: db.seedSeconds,
    redis: await redisAnswers(),
    machine,
    suites: outcomes,
  };
  if (args.report) {
    const reportPath = join(root, "BENCHMARKS.md");
    const jsonPath = join(root, "bench-results.json");
    const previous = existsSync(reportPath) ? readFileSync(reportPath, "utf8") : null;
    // A partial run rewrites its own suites' rows and keeps the other suites' from the last report.
    const kept = args.only && existsSync(jsonPath) ? keptSuites(readFileSync(jsonPath, "utf8"), outcomes.map((o) => o.id)) : [];
    const report: BenchRun = { ...run, suites: mergeOutcomes(outcomes, kept, ids) };
    writeFileSync(reportPath, renderReport(report, previous));
    writeFileSync(jsonPath, `${JSON.stringify(resultsJson(report), null, 2)}\n`);
    log(`wrote BENCHMARKS.md and bench-results.json (${run.seconds.toFixed(0)} s${kept.length ? `; kept ${kept.map((k) => k.id).join(", ")} from earlier runs` : ""})`);
  }
  const failed = outcomes.filter((o) => !o.result);
  if (failed.length > 0) {
    log(`${failed.length} suite(s) failed: ${failed.map((o) => o.id).join(", ")}`);
  }
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof BenchArgsError ? `${error.message}\n` : `npm run bench failed: ${describe(error)}\n`);
    process.exit(error instanceof BenchArgsError ? 2 : 1);
  },
);
