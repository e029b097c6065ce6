import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * AccountFilter.importId asks "did import X create account Y?" per account: (import_id,
 * prospect_id) answers it from the index (SQLite otherwise scanned the import's rows for
 * every account: 10 s to count 32k accounts against a 1,000-row import).
 */
export class ImportRowsProspect1795752417000 implements MigrationInterface {
  name = "ImportRowsProspect1795752417000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_import_rows_import_prospect\" ON \"import_rows\" (\"import_id\", \"prospect_id\")");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_import_rows_import_prospect\"");
  }
}
