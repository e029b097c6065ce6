import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createPool, type Pool, type RowDataPacket } from "mysql2/promise";
import { AccountStatusCode } from "../src/modules/accounts/account.entity";
import { ACCOUNTS_PAGE_WITH_RELATIONS } from "./bench-documents";
import type { BenchContext, BenchSuite, Figure, SuiteResult } from "./bench-suite";
import { postGraphQL } from "./in-process-api";
import { percentile, round } from "./stats";

const PAGE = 50;
const NOTES = 3;
const TARGET_RATIO = 2;

interface GraphQLPage {
  accounts: {
    totalCount: number;
    edges: Array<{ node: { legacyId: number; contacts: unknown[]; locations: unknown[]; notes: { totalCount: number; edges: Array<{ node: { comment: string } }> } } }>;
  };
}

/** What the hand-written code returns: the page rows with their relations attached, and the total. */
export interface RawPage {
  totalCount: number;
  accounts: Array<RowDataPacket & { id: number; contacts: RowDataPacket[]; locations: RowDataPacket[]; notes: RowDataPacket[]; noteCount: number }>;
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

/**
 * The floor: the same page written by hand with mysql2. One SELECT takes the page from the
 * created_at index first (joined the other way round, MariaDB drives from the small users table and
 * sorts every account) and joins every to-one relation
 * (status and its group, locale, salesman, creator, follow-up data with channel and e-commerce
 * type); then the total, the contacts, the locations and the last notes (with authors) of the page's
 * accounts go out at once on the pool, as a careful hand-written app would send them.
 */
export async function rawPage(pool: Pool, size: number): Promise<RawPage> {
  const visible = [AccountStatusCode.inProcess, AccountStatusCode.registered];
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT a.id, a.type, a.status, a.version, a.name, a.company_name, a.email, a.created_at, a.updated_at,
            CONCAT('+', a.phone_code, a.phone) AS phone_e164,
            l.id AS locale_id, l.name AS locale_name,
            s.id AS status_id, s.name AS status_name, s.color AS status_color, g.id AS group_id, g.name AS group_name,
            sm.id AS salesman_id, sm.name AS salesman_name, cb.id AS created_by_id, cb.name AS created_by_name,
            f.account_value, f.account_type, f.monthly_shipments, ch.id AS channel_id, ch.name AS channel_name,
            et.id AS ecommerce_type_id, et.name AS ecommerce_type_name
       FROM (SELECT * FROM prospection_users WHERE status IN (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?) a
       JOIN catalog_locales l ON l.id = a.locale_id
       JOIN catalog_follow_up_statuses s ON s.id = a.follow_up_id
       LEFT JOIN catalog_follow_up_statuses g ON g.id = s.parent_id
       LEFT JOIN users sm ON sm.id = a.salesman_id
       JOIN users cb ON cb.id = a.created_by
       LEFT JOIN follow_up_data f ON f.prospect_id = a.id
       LEFT JOIN catalog_channels ch ON ch.\`key\` = f.channel
       LEFT JOIN catalog_ecommerce_types et ON et.id = f.ecommerce_type_id
      ORDER BY a.created_at DESC, a.id DESC`,
    [...visible, size + 1],
  );
  const page = rows.slice(0, size);
  const ids = page.map((r) => Number(r.id));
  if (ids.length === 0) {
    return { totalCount: 0, accounts: [] };
  }
  const inIds = placeholders(ids.length);
  const [[countRows], [contacts], [locations], [notes]] = await Promise.all([
    pool.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM prospection_users WHERE status IN (?, ?)", visible),
    pool.query<RowDataPacket[]>(`SELECT id, prospect_id, name, email FROM extra_contacts WHERE prospect_id IN (${inIds}) AND deleted_at IS NULL ORDER BY id`, ids),
    pool.query<RowDataPacket[]>(
      `SELECT id, prospect_id, kind, city, state FROM company_locations WHERE prospect_id IN (${inIds}) AND deleted_at IS NULL ORDER BY is_primary DESC, id`,
      ids,
    ),
    pool.query<RowDataPacket[]>(
      `SELECT x.*, u.name AS author_name FROM (
         SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n.account_id ORDER BY n.created_at DESC, n.source DESC, n.id DESC) AS rn,
                COUNT(*) OVER (PARTITION BY n.account_id) AS total
           FROM (SELECT 'prospect' AS source, pc.id, pc.prospect_id AS account_id, pc.comment, pc.action, pc.created_by, pc.created_at
                   FROM prospect_follow_up_comments pc WHERE pc.prospect_id IN (${inIds}) AND pc.deleted_at IS NULL
                 UNION ALL
                 SELECT 'company', fc.id, pu.id, fc.comment, fc.action, fc.created_by, fc.created_at
                   FROM follow_up_comments fc JOIN prospection_users pu ON pu.company_id = fc.company_id
                  WHERE pu.id IN (${inIds}) AND fc.deleted_at IS NULL) n
       ) x JOIN users u ON u.id = x.created_by
       WHERE x.rn <= ? ORDER BY x.account_id, x.rn`,
      [...ids, ...ids, NOTES],
    ),
  ]);
  const byAccount = <T extends RowDataPacket>(list: T[], key: string) => {
    const map = new Map<number, T[]>();
    for (const row of list) {
      const id = Number(row[key]);
      map.set(id, [...(map.get(id) ?? []), row]);
    }
    return map;
  };
  const contactsOf = byAccount(contacts, "prospect_id");
  const locationsOf = byAccount(locations, "prospect_id");
  const notesOf = byAccount(notes, "account_id");
  return {
    totalCount: Number(countRows[0]?.n ?? 0),
    accounts: page.map((row) => {
      const own = notesOf.get(Number(row.id)) ?? [];
      return Object.assign(row, {
        id: Number(row.id),
        contacts: contactsOf.get(Number(row.id)) ?? [],
        locations: locationsOf.get(Number(row.id)) ?? [],
        notes: own,
        noteCount: Number(own[0]?.total ?? 0),
      });
    }),
  };
}

/** Throws when the hand-written page is not the same data as the GraphQL page (a baseline of other data proves nothing). */
export function assertSamePage(gql: GraphQLPage, raw: RawPage): void {
  const problems: string[] = [];
  if (gql.accounts.totalCount !== raw.totalCount) {
    problems.push(`totalCount ${gql.accounts.totalCount} vs ${raw.totalCount}`);
  }
  const gqlIds = gql.accounts.edges.map((e) => e.node.legacyId);
  const rawIds = raw.accounts.map((a) => a.id);
  if (gqlIds.join(",") !== rawIds.join(",")) {
    problems.push(`page ids differ: ${gqlIds.slice(0, 5).join(",")}… vs ${rawIds.slice(0, 5).join(",")}…`);
  } else {
    gql.accounts.edges.forEach(({ node }, i) => {
      const r = raw.accounts[i]!;
      if (node.contacts.length !== r.contacts.length || node.locations.length !== r.locations.length || node.notes.totalCount !== r.noteCount) {
        problems.push(`account ${node.legacyId}: contacts/locations/notes ${node.contacts.length}/${node.locations.length}/${node.notes.totalCount} vs ${r.contacts.length}/${r.locations.length}/${r.noteCount}`);
      } else if (node.notes.edges.map((e) => e.node.comment).join("\u0000") !== r.notes.map((n) => String(n.comment)).join("\u0000")) {
        problems.push(`account ${node.legacyId}: the last ${NOTES} notes differ`);
      }
    });
  }
  if (problems.length > 0) {
    throw new Error(`the raw SQL baseline does not return the GraphQL page's data: ${problems.slice(0, 5).join("; ")}`);
  }
}

/** CPU time (user + system) of a process in ms, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) {
    return null;
  }
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
  const fields = readFileSync(path, "utf8").slice(readFileSync(path, "utf8").lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function run(ctx: BenchContext): Promise<SuiteResult> {
  const warmup = ctx.quick ? 15 : 50;
  const samples = ctx.quick ? 80 : 400;
  const pool = createPool({ uri: ctx.databaseUrl, connectionLimit: 5, timezone: "Z", supportBigNumbers: true, bigNumberStrings: false });
  try {
    const graphql = () => postGraphQL<GraphQLPage>(ctx.api.url, ctx.api.token, ACCOUNTS_PAGE_WITH_RELATIONS, { first: PAGE }, "AccountsPageWithRelations");
    const raw = () => rawPage(pool, PAGE);
    assertSamePage(await graphql(), await raw());
    for (let i = 0; i < warmup; i += 1) {
      await graphql();
      await raw();
    }
    // Interleaved, so a noisy neighbour on the shared machine slows both sides alike.
    const gqlMs: number[] = [];
    const rawMs: number[] = [];
    const apiCpuBefore = ctx.api.pid ? processCpuMs(ctx.api.pid) : null;
    const ownCpuBefore = process.cpuUsage();
    let ownGraphQLMicros = 0;
    for (let i = 0; i < samples; i += 1) {
      const before = process.cpuUsage();
      gqlMs.push(await timed(graphql));
      const spent = process.cpuUsage(before);
      ownGraphQLMicros += spent.user + spent.system;
      rawMs.push(await timed(raw));
    }
    const apiCpuAfter = ctx.api.pid ? processCpuMs(ctx.api.pid) : null;
    const ownCpu = process.cpuUsage(ownCpuBefore);
    // The bench process's CPU for the raw pages: its whole CPU minus what it spent sending GraphQL requests.
    const rawClientCpuMs = (ownCpu.user + ownCpu.system - ownGraphQLMicros) / 1000 / samples;
    const figure = (p: number) => {
      const g = percentile(gqlMs, p);
      const r = percentile(rawMs, p);
      return {
        key: `graphqlVsRaw.p${p}`,
        label: `Accounts page of ${PAGE} with relations over HTTP GraphQL, p${p}`,
        value: round(g, 2),
        unit: "ms" as const,
        baseline: { label: `raw SQL (mysql2) p${p}`, value: round(r, 2), unit: "ms" as const },
        target: { text: `≤ ${TARGET_RATIO}× raw`, met: g <= TARGET_RATIO * r },
      };
    };
    const figures: Figure[] = [figure(50), figure(99)];
    if (apiCpuBefore !== null && apiCpuAfter !== null) {
      figures.push({
        key: "graphqlVsRaw.apiCpuPerPage",
        label: `API process CPU time per page of ${PAGE} (user + system)`,
        value: round((apiCpuAfter - apiCpuBefore) / samples, 1),
        unit: "ms",
        baseline: { label: "bench process CPU per raw page (mysql2 client)", value: round(rawClientCpuMs, 1), unit: "ms" },
      });
    }
    return {
      figures,
      notes: [
        `${samples} sequential runs of each after ${warmup} warm-up runs, interleaved (GraphQL, raw, GraphQL, …) so that load from other processes falls on both. ` +
          "GraphQL: `AccountsPageWithRelations` (the list's columns, status with group, locale, salesman, creator, follow-up data with catalogs, contacts, locations, the last 3 notes with authors and their count, the total) " +
          "POSTed to the built API (`node server/dist/main.js`, NODE_ENV=production) with the manager's Bearer token: HTTP, authentication, parsing, validation, resolvers, DataLoaders and JSON included. " +
          "Raw: the same data by hand with mysql2 in the bench process — one SELECT joining every to-one relation, then the total, contacts, locations and notes in parallel on a pool — with no HTTP and no serialisation: the floor. " +
          "Before measuring, the two pages are checked to hold the same accounts in the same order with the same contacts, locations and notes.",
        "Both sides' times include waiting for the CPU on this shared 2-core machine, and the API's share of that wait is larger (it needs more CPU per page and runs as a second process), " +
          "so the CPU figure is the steadier measure of the GraphQL layer's own cost: API CPU per page against the raw client's CPU per page (MariaDB's own work is on neither side). " +
          "Profiled with `--cpu-prof` on the API (startBenchApi's nodeArgs): before the fixes the API spent ~45 ms CPU per page of 50, mostly per-field wrappers — graphql-shield's middleware on every field of every row (each an awaited `allow`) " +
          "and Apollo's cache-control plugin instrumenting every field — plus an UPDATE of the token's last use on every request. Now the shield wraps only guarded fields, " +
          "the cache-control plugin is off (responses still `Cache-Control: no-store`) and the token's last use is written once a minute: ~26 ms CPU per page. " +
          "What remains is graphql-js executing ~3,000 fields, TypeORM hydrating entities, GC and JSON: the price of the GraphQL layer more than of its SQL (7 statements besides authentication against the raw side's 5; one more round trip: the token lookup).",
      ],
    };
  } finally {
    await pool.end();
  }
}

export const graphqlVsRawSuite: BenchSuite = { id: "graphql-vs-raw", title: "GraphQL vs hand-written SQL", run };
