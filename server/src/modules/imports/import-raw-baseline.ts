import { createConnection } from "mysql2/promise";
import { companyNameKey } from "../accounts/company-name-key";
import { AccountStatusCode, AccountTypeCode } from "../accounts/account.entity";
import { respondioAddProspectJobId } from "../../jobs/queues";
import { prospectCsvRecords, type ProspectCsvOptions } from "../../db/seed/prospect-csv.generator";
import { mapHeaders, rowData } from "./import-columns";
import { COMMIT_BATCH } from "./import-commit";
import { checkImportRow, InFileDuplicates, type CatalogLookup } from "./import-row-rules";

/** Rows per hand-written INSERT: the same as insertProspects' statements. */
const ROWS_PER_INSERT = 200;

/** One prospect's parameters for each table a commit writes, prepared before the clock starts. */
interface RawProspect {
  account: Array<string | number | null>;
  channel: string | null;
  statusId: number;
  note: string;
}

/**
 * The floor for an import commit: the prospects a commit of the generated file creates (its
 * valid rows, the same values), written by hand-written multi-row INSERTs with mysql2 into the
 * same four tables (prospection_users, follow_up_data, outbox, prospect_follow_up_comments),
 * ROWS_PER_INSERT rows per statement and COMMIT_BATCH prospects per transaction, as a commit
 * batches them — and nothing else: no re-validation, duplicate check, id check or row marking.
 * Preparing the values is not timed. Returns the rows inserted and the seconds the INSERTs took.
 */
export async function rawInsertBaseline(databaseUrl: string, lookup: CatalogLookup, csv: ProspectCsvOptions, userId: number): Promise<{ rows: number; seconds: number }> {
  const records = prospectCsvRecords(csv);
  const mapping = mapHeaders(records.next().value as string[]);
  const inFile = new InFileDuplicates();
  const prospects: RawProspect[] = [];
  let rowNumber = 1;
  for (const cells of records) {
    rowNumber += 1;
    const checked = checkImportRow(rowData(mapping, cells), lookup);
    if (!checked.value || inFile.check(rowNumber, checked.value)) {
      continue;
    }
    const p = checked.value;
    prospects.push({
      account: [p.name, p.companyName, companyNameKey(p.companyName), p.email, p.phoneCode, p.phone, p.followUpStatusId, p.localeId, p.monthlyShipmentId, AccountTypeCode.prospect, AccountStatusCode.inProcess, userId, userId],
      channel: p.channel,
      statusId: p.followUpStatusId,
      note: `Prospecto importado por Bench (leads.csv, fila ${rowNumber})`,
    });
  }
  const connection = await createConnection({ uri: databaseUrl, timezone: "Z" });
  try {
    const start = performance.now();
    for (let batch = 0; batch < prospects.length; batch += COMMIT_BATCH) {
      await connection.query("START TRANSACTION");
      for (let at = batch; at < Math.min(batch + COMMIT_BATCH, prospects.length); at += ROWS_PER_INSERT) {
        const chunk = prospects.slice(at, Math.min(at + ROWS_PER_INSERT, batch + COMMIT_BATCH, prospects.length));
        const now = new Date().toISOString().slice(0, 23).replace("T", " ");
        const [result] = await connection.execute(
          `INSERT INTO prospection_users (name, company_name, company_name_key, email, phone_code, phone, follow_up_id, locale_id, monthly_shipment_id, type, status, created_by, salesman_id, created_at, updated_at) VALUES ${tuples(chunk.length, 15)}`,
          chunk.flatMap((p) => [...p.account, now, now]),
        );
        const first = (result as { insertId: number }).insertId;
        const ids = chunk.map((_p, i) => first + i);
        await connection.execute(
          `INSERT INTO follow_up_data (prospect_id, channel, created_at, updated_at) VALUES ${tuples(chunk.length, 4)}`,
          chunk.flatMap((p, i) => [ids[i], p.channel, now, now]),
        );
        await connection.execute(
          `INSERT INTO outbox (queue, job_name, job_id, payload, status, attempts, available_at, created_at) VALUES ${tuples(chunk.length, 8)}`,
          ids.flatMap((id) => ["respondio", "respondio_add_prospect", respondioAddProspectJobId(id), `{"prospectId":${id}}`, "pending", 0, now, now]),
        );
        await connection.execute(
          `INSERT INTO prospect_follow_up_comments (prospect_id, status_id, comment, created_by, created_at, updated_at) VALUES ${tuples(chunk.length, 6)}`,
          chunk.flatMap((p, i) => [ids[i], p.statusId, p.note, userId, now, now]),
        );
      }
      await connection.query("COMMIT");
    }
    return { rows: prospects.length, seconds: (performance.now() - start) / 1000 };
  } finally {
    await connection.end();
  }
}

function tuples(rows: number, columns: number): string {
  const tuple = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  return Array.from({ length: rows }, () => tuple).join(", ");
}
