import type { MigrationInterface, QueryRunner } from "typeorm";

export class SearchIndexes1795753141356 implements MigrationInterface {
  name = "SearchIndexes1795753141356";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_prospection_users_name\"");
    await queryRunner.query("DROP INDEX \"idx_prospection_users_company_name\"");
    await queryRunner.query("DROP INDEX \"idx_prospection_users_email\"");
    await queryRunner.query("DROP INDEX \"idx_prospection_users_phone\"");
    await queryRunner.query("CREATE INDEX \"idx_companies_tax_id\" ON \"companies\" (\"tax_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_companies_name\" ON \"companies\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_phone_search\" ON \"prospection_users\" (\"phone\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_email_search\" ON \"prospection_users\" (\"email\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_company_name_search\" ON \"prospection_users\" (\"company_name\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_name_search\" ON \"prospection_users\" (\"name\", \"status\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_prospection_users_name_search\"");
    await queryRunner.query("DROP INDEX \"idx_prospection_users_company_name_search\"");
    await queryRunner.query("DROP INDEX \"idx_prospection_users_email_search\"");
    await queryRunner.query("DROP INDEX \"idx_prospection_users_phone_search\"");
    await queryRunner.query("DROP INDEX \"idx_companies_name\"");
    await queryRunner.query("DROP INDEX \"idx_companies_tax_id\"");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_phone\" ON \"prospection_users\" (\"phone\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_email\" ON \"prospection_users\" (\"email\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_company_name\" ON \"prospection_users\" (\"company_name\") ");
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_name\" ON \"prospection_users\" (\"name\") ");
  }
}
