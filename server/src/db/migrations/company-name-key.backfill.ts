import type { QueryRunner } from "typeorm";

/**
 * A frozen copy of modules/accounts/company-name-key.ts as it was when the column was
 * added: a migration must do the same thing forever, whatever the module becomes later.
 */
function fold(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .slice(0, 191);
}

/** Fills company_name_key of existing rows, 500 at a time, one UPDATE … CASE per batch; updated_at is kept (MySQL would bump it). */
export async function backfillCompanyNameKeys(queryRunner: QueryRunner, quote: '"' | "`"): Promise<void> {
  const q = (name: string) => `${quote}${name}${quote}`;
  let lastId = 0;
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT ${q("id")} AS id, ${q("company_name")} AS name FROM ${q("prospection_users")} WHERE ${q("id")} > ? ORDER BY ${q("id")} LIMIT 500`,
      [lastId],
    )) as Array<{ id: number | string; name: string }>;
    if (rows.length === 0) {
      return;
    }
    const cases = rows.map(() => "WHEN ? THEN ?").join(" ");
    const params = rows.flatMap((row) => [Number(row.id), fold(row.name)]);
    const ids = rows.map((row) => Number(row.id));
    await queryRunner.query(
      `UPDATE ${q("prospection_users")} SET ${q("company_name_key")} = CASE ${q("id")} ${cases} END, ${q("updated_at")} = ${q("updated_at")} WHERE ${q("id")} IN (${ids.map(() => "?").join(", ")})`,
      [...params, ...ids],
    );
    lastId = ids.at(-1)!;
  }
}
