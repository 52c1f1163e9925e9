import { MigrationInterface, QueryRunner } from "typeorm";

export class ClaimableIndex1796120693894 implements MigrationInterface {
    name = 'ClaimableIndex1796120693894'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // claimNext walks a queue's claimable rows best first. Held rows are the oldest and the most
        // urgent (they were claimed first): kept in the index, every claim stepped over all of them.
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_claim"`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_claim" ON "conversations" ("queue_id", "priority_rank" DESC, "first_item_at", "id") WHERE "state" IN ('OPEN', 'ESCALATED')`);
        // Held rows of a queue by lease end: "has this queue a lapsed lease?" for claimNext, and what a member holds.
        await queryRunner.query(`CREATE INDEX "IDX_conversations_queue_lease" ON "conversations" ("queue_id", "lease_expires_at") WHERE "state" = 'ASSIGNED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_queue_lease"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_claim"`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_claim" ON "conversations" ("queue_id", "priority_rank" DESC, "first_item_at", "id") WHERE "state" IN ('OPEN', 'ASSIGNED', 'ESCALATED')`);
    }
}
