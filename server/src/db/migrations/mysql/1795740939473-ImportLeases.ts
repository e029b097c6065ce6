import type { MigrationInterface, QueryRunner } from "typeorm";

export class ImportLeases1795740939473 implements MigrationInterface {
  name = "ImportLeases1795740939473";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `imports` ADD `unmapped_columns` text NULL");
    await queryRunner.query("ALTER TABLE `imports` ADD `lease_owner` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `imports` ADD `lease_until` datetime NULL");
    await queryRunner.query("ALTER TABLE `import_rows` ADD `duplicate_of_row` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `import_rows` DROP COLUMN `duplicate_of_row`");
    await queryRunner.query("ALTER TABLE `imports` DROP COLUMN `lease_until`");
    await queryRunner.query("ALTER TABLE `imports` DROP COLUMN `lease_owner`");
    await queryRunner.query("ALTER TABLE `imports` DROP COLUMN `unmapped_columns`");
  }
}
