import type { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxOutcome1795740896860 implements MigrationInterface {
  name = "OutboxOutcome1795740896860";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_outbox_status_available\"");
    await queryRunner.query("DROP INDEX \"uq_outbox_job_id\"");
    await queryRunner.query("CREATE TABLE \"temporary_outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"queue\" varchar(64) NOT NULL, \"job_name\" varchar(64) NOT NULL, \"job_id\" varchar(191) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"available_at\" datetime NOT NULL, \"last_error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"dispatched_at\" datetime, \"updated_at\" datetime, \"detail\" text)");
    await queryRunner.query("INSERT INTO \"temporary_outbox\"(\"id\", \"queue\", \"job_name\", \"job_id\", \"payload\", \"status\", \"attempts\", \"available_at\", \"last_error\", \"created_at\", \"dispatched_at\") SELECT \"id\", \"queue\", \"job_name\", \"job_id\", \"payload\", \"status\", \"attempts\", \"available_at\", \"last_error\", \"created_at\", \"dispatched_at\" FROM \"outbox\"");
    await queryRunner.query("DROP TABLE \"outbox\"");
    await queryRunner.query("ALTER TABLE \"temporary_outbox\" RENAME TO \"outbox\"");
    await queryRunner.query("CREATE INDEX \"idx_outbox_status_available\" ON \"outbox\" (\"status\", \"available_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_job_id\" ON \"outbox\" (\"job_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_outbox_job_id\"");
    await queryRunner.query("DROP INDEX \"idx_outbox_status_available\"");
    await queryRunner.query("ALTER TABLE \"outbox\" RENAME TO \"temporary_outbox\"");
    await queryRunner.query("CREATE TABLE \"outbox\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"queue\" varchar(64) NOT NULL, \"job_name\" varchar(64) NOT NULL, \"job_id\" varchar(191) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"available_at\" datetime NOT NULL, \"last_error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"dispatched_at\" datetime)");
    await queryRunner.query("INSERT INTO \"outbox\"(\"id\", \"queue\", \"job_name\", \"job_id\", \"payload\", \"status\", \"attempts\", \"available_at\", \"last_error\", \"created_at\", \"dispatched_at\") SELECT \"id\", \"queue\", \"job_name\", \"job_id\", \"payload\", \"status\", \"attempts\", \"available_at\", \"last_error\", \"created_at\", \"dispatched_at\" FROM \"temporary_outbox\"");
    await queryRunner.query("DROP TABLE \"temporary_outbox\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_job_id\" ON \"outbox\" (\"job_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_outbox_status_available\" ON \"outbox\" (\"status\", \"available_at\") ");
  }
}
