import { MigrationInterface, QueryRunner } from "typeorm";

export class SlaBreaches1796114546553 implements MigrationInterface {
    name = 'SlaBreaches1796114546553'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reply_queues"
            ADD "breach_escalation" character varying(16) NOT NULL DEFAULT 'FLAG'
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queues"
            ADD "breach_queue_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "sla_breached_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queues"
            ADD CONSTRAINT "FK_reply_queues_breach_queue" FOREIGN KEY ("breach_queue_id") REFERENCES "reply_queues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // The SLA sweep's to-do list: due times not yet marked breached, soonest first.
        await queryRunner.query(
            `CREATE INDEX "IDX_conversations_sla_due" ON "conversations" ("response_due_at") WHERE "sla_breached_at" IS NULL AND "response_due_at" IS NOT NULL`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_sla_due"`);
        await queryRunner.query(`
            ALTER TABLE "reply_queues" DROP CONSTRAINT "FK_reply_queues_breach_queue"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "sla_breached_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queues" DROP COLUMN "breach_queue_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queues" DROP COLUMN "breach_escalation"
        `);
    }

}
