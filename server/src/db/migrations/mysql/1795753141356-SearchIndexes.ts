import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The accounts search reads (column, status, created_at) indexes instead of single-column ones
 * (account.service.ts seek); the companies search gets name and tax id indexes. One ALTER per
 * table: InnoDB builds all of its indexes in one pass over the rows.
 */
export class SearchIndexes1795753141356 implements MigrationInterface {
  name = "SearchIndexes1795753141356";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `prospection_users` DROP INDEX `idx_prospection_users_phone`, DROP INDEX `idx_prospection_users_email`, DROP INDEX `idx_prospection_users_company_name`, DROP INDEX `idx_prospection_users_name`, " +
        "ADD INDEX `idx_prospection_users_phone_search` (`phone`, `status`, `created_at`), ADD INDEX `idx_prospection_users_email_search` (`email`, `status`, `created_at`), " +
        "ADD INDEX `idx_prospection_users_company_name_search` (`company_name`, `status`, `created_at`), ADD INDEX `idx_prospection_users_name_search` (`name`, `status`, `created_at`)",
    );
    await queryRunner.query("ALTER TABLE `companies` ADD INDEX `idx_companies_tax_id` (`tax_id`), ADD INDEX `idx_companies_name` (`name`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `companies` DROP INDEX `idx_companies_name`, DROP INDEX `idx_companies_tax_id`");
    await queryRunner.query(
      "ALTER TABLE `prospection_users` DROP INDEX `idx_prospection_users_name_search`, DROP INDEX `idx_prospection_users_company_name_search`, DROP INDEX `idx_prospection_users_email_search`, DROP INDEX `idx_prospection_users_phone_search`, " +
        "ADD INDEX `idx_prospection_users_phone` (`phone`), ADD INDEX `idx_prospection_users_email` (`email`), ADD INDEX `idx_prospection_users_company_name` (`company_name`), ADD INDEX `idx_prospection_users_name` (`name`)",
    );
  }
}
