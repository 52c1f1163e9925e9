import { MigrationInterface, QueryRunner } from "typeorm";

export class LeaseSweepIndex1796115000000 implements MigrationInterface {
    name = 'LeaseSweepIndex1796115000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // releaseLapsed looks for lease_expires_at <= now(): only held rows carry one, so the index stays small.
        await queryRunner.query(`CREATE INDEX "IDX_conversations_lease" ON "conversations" ("lease_expires_at") WHERE "lease_expires_at" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_lease"`);
    }
}
