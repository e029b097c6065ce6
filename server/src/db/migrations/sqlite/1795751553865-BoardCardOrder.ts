import type { MigrationInterface, QueryRunner } from "typeorm";

/** The Kanban's per-column first cards read (follow_up_id, updated_at) in order instead of ranking every account. */
export class BoardCardOrder1795751553865 implements MigrationInterface {
  name = "BoardCardOrder1795751553865";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_prospection_users_follow_up_updated\" ON \"prospection_users\" (\"follow_up_id\", \"updated_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_prospection_users_follow_up_updated\"");
  }
}
