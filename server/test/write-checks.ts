import type { DataSource } from "typeorm";
import type { GraphQLResponse } from "./api";

/** Row counts of every table an account write touches: "nothing written" is these unchanged. */
export async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables = ["prospection_users", "follow_up_data", "partner_follow_up_data", "prospect_follow_up_comments", "follow_up_comments", "outbox", "companies"];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows: Array<{ n: number | string }> = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

/** The error code of the first error, or "OK". */
export function codeOf(res: GraphQLResponse): string {
  return res.errors?.[0]?.extensions?.code ?? (res.errors ? "UNKNOWN" : "OK");
}

/** A DB trigger that makes every insert into `table` fail, for rollback tests; returns how to drop it. */
export async function failInsertsInto(ds: DataSource, table: string): Promise<() => Promise<void>> {
  const name = `fail_${table}`;
  if (ds.options.type === "better-sqlite3") {
    await ds.query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
  } else {
    await ds.query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'forced failure'`);
  }
  return async () => {
    await ds.query(`DROP TRIGGER ${name}`);
  };
}
