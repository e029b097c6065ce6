import type { MigrationInterface, QueryRunner } from "typeorm";

/** The board's value sums read (prospect_id, account_value) from the index instead of each follow_up_data row. */
export class BoardValueSum1795754620811 implements MigrationInterface {
  name = "BoardValueSum1795754620811";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_follow_up_data_prospect_value\" ON \"follow_up_data\" (\"prospect_id\", \"account_value\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_follow_up_data_prospect_value\"");
  }
}
