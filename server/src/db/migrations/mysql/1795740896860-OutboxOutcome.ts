import type { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxOutcome1795740896860 implements MigrationInterface {
  name = "OutboxOutcome1795740896860";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `outbox` ADD `updated_at` datetime NULL");
    await queryRunner.query("ALTER TABLE `outbox` ADD `detail` text NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `outbox` DROP COLUMN `detail`");
    await queryRunner.query("ALTER TABLE `outbox` DROP COLUMN `updated_at`");
  }
}
