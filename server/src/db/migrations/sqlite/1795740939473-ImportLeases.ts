import type { MigrationInterface, QueryRunner } from "typeorm";

export class ImportLeases1795740939473 implements MigrationInterface {
  name = "ImportLeases1795740939473";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_imports_user_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_imports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"filename\" varchar(255) NOT NULL, \"status\" varchar(16) NOT NULL, \"total_rows\" integer NOT NULL DEFAULT (0), \"processed_rows\" integer NOT NULL DEFAULT (0), \"valid_rows\" integer NOT NULL DEFAULT (0), \"invalid_rows\" integer NOT NULL DEFAULT (0), \"duplicate_rows\" integer NOT NULL DEFAULT (0), \"created_rows\" integer NOT NULL DEFAULT (0), \"options\" text, \"error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"unmapped_columns\" text, \"lease_owner\" varchar(64), \"lease_until\" datetime, CONSTRAINT \"FK_03e69994a0b9e3084b4790f8d7b\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_imports\"(\"id\", \"user_id\", \"filename\", \"status\", \"total_rows\", \"processed_rows\", \"valid_rows\", \"invalid_rows\", \"duplicate_rows\", \"created_rows\", \"options\", \"error\", \"created_at\", \"updated_at\") SELECT \"id\", \"user_id\", \"filename\", \"status\", \"total_rows\", \"processed_rows\", \"valid_rows\", \"invalid_rows\", \"duplicate_rows\", \"created_rows\", \"options\", \"error\", \"created_at\", \"updated_at\" FROM \"imports\"");
    await queryRunner.query("DROP TABLE \"imports\"");
    await queryRunner.query("ALTER TABLE \"temporary_imports\" RENAME TO \"imports\"");
    await queryRunner.query("CREATE INDEX \"idx_imports_user_created\" ON \"imports\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_import_rows_import_row\"");
    await queryRunner.query("DROP INDEX \"idx_import_rows_import_state\"");
    await queryRunner.query("CREATE TABLE \"temporary_import_rows\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"import_id\" integer NOT NULL, \"row_number\" integer NOT NULL, \"data\" text NOT NULL, \"errors\" text, \"state\" varchar(16) NOT NULL, \"duplicate_of_id\" integer, \"prospect_id\" integer, \"duplicate_of_row\" integer, CONSTRAINT \"FK_12b1dedae20abad1ebc044bf99d\" FOREIGN KEY (\"prospect_id\") REFERENCES \"prospection_users\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_c175270322bf4c2e99418c2aa9f\" FOREIGN KEY (\"import_id\") REFERENCES \"imports\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_import_rows\"(\"id\", \"import_id\", \"row_number\", \"data\", \"errors\", \"state\", \"duplicate_of_id\", \"prospect_id\") SELECT \"id\", \"import_id\", \"row_number\", \"data\", \"errors\", \"state\", \"duplicate_of_id\", \"prospect_id\" FROM \"import_rows\"");
    await queryRunner.query("DROP TABLE \"import_rows\"");
    await queryRunner.query("ALTER TABLE \"temporary_import_rows\" RENAME TO \"import_rows\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_rows_import_row\" ON \"import_rows\" (\"import_id\", \"row_number\") ");
    await queryRunner.query("CREATE INDEX \"idx_import_rows_import_state\" ON \"import_rows\" (\"import_id\", \"state\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_import_rows_import_state\"");
    await queryRunner.query("DROP INDEX \"uq_import_rows_import_row\"");
    await queryRunner.query("ALTER TABLE \"import_rows\" RENAME TO \"temporary_import_rows\"");
    await queryRunner.query("CREATE TABLE \"import_rows\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"import_id\" integer NOT NULL, \"row_number\" integer NOT NULL, \"data\" text NOT NULL, \"errors\" text, \"state\" varchar(16) NOT NULL, \"duplicate_of_id\" integer, \"prospect_id\" integer, CONSTRAINT \"FK_12b1dedae20abad1ebc044bf99d\" FOREIGN KEY (\"prospect_id\") REFERENCES \"prospection_users\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_c175270322bf4c2e99418c2aa9f\" FOREIGN KEY (\"import_id\") REFERENCES \"imports\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"import_rows\"(\"id\", \"import_id\", \"row_number\", \"data\", \"errors\", \"state\", \"duplicate_of_id\", \"prospect_id\") SELECT \"id\", \"import_id\", \"row_number\", \"data\", \"errors\", \"state\", \"duplicate_of_id\", \"prospect_id\" FROM \"temporary_import_rows\"");
    await queryRunner.query("DROP TABLE \"temporary_import_rows\"");
    await queryRunner.query("CREATE INDEX \"idx_import_rows_import_state\" ON \"import_rows\" (\"import_id\", \"state\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_rows_import_row\" ON \"import_rows\" (\"import_id\", \"row_number\") ");
    await queryRunner.query("DROP INDEX \"idx_imports_user_created\"");
    await queryRunner.query("ALTER TABLE \"imports\" RENAME TO \"temporary_imports\"");
    await queryRunner.query("CREATE TABLE \"imports\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL, \"filename\" varchar(255) NOT NULL, \"status\" varchar(16) NOT NULL, \"total_rows\" integer NOT NULL DEFAULT (0), \"processed_rows\" integer NOT NULL DEFAULT (0), \"valid_rows\" integer NOT NULL DEFAULT (0), \"invalid_rows\" integer NOT NULL DEFAULT (0), \"duplicate_rows\" integer NOT NULL DEFAULT (0), \"created_rows\" integer NOT NULL DEFAULT (0), \"options\" text, \"error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_03e69994a0b9e3084b4790f8d7b\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"imports\"(\"id\", \"user_id\", \"filename\", \"status\", \"total_rows\", \"processed_rows\", \"valid_rows\", \"invalid_rows\", \"duplicate_rows\", \"created_rows\", \"options\", \"error\", \"created_at\", \"updated_at\") SELECT \"id\", \"user_id\", \"filename\", \"status\", \"total_rows\", \"processed_rows\", \"valid_rows\", \"invalid_rows\", \"duplicate_rows\", \"created_rows\", \"options\", \"error\", \"created_at\", \"updated_at\" FROM \"temporary_imports\"");
    await queryRunner.query("DROP TABLE \"temporary_imports\"");
    await queryRunner.query("CREATE INDEX \"idx_imports_user_created\" ON \"imports\" (\"user_id\", \"created_at\") ");
  }
}
