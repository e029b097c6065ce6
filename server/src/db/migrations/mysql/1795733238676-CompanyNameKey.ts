import type { MigrationInterface, QueryRunner } from "typeorm";
import { backfillCompanyNameKeys } from "../company-name-key.backfill";

/** prospection_users.company_name_key: the folded company name duplicate checks look up by index. */
export class CompanyNameKey1795733238676 implements MigrationInterface {
  name = "CompanyNameKey1795733238676";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `prospection_users` ADD `company_name_key` varchar(191) NULL");
    await queryRunner.query("CREATE INDEX `idx_prospection_users_company_name_key` ON `prospection_users` (`company_name_key`)");
    await backfillCompanyNameKeys(queryRunner, "`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_prospection_users_company_name_key` ON `prospection_users`");
    await queryRunner.query("ALTER TABLE `prospection_users` DROP COLUMN `company_name_key`");
  }
}
