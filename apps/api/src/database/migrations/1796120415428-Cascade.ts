import { MigrationInterface, QueryRunner } from "typeorm";

// The cascade to markets: the jobs the cascade worker claims (by the partial index on claimable
// states), and the parent's body each child localized, for the "global changed" diff.

export class Cascade1796120415428 implements MigrationInterface {
    name = 'Cascade1796120415428'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "cascade_jobs" (
                "id" uuid NOT NULL,
                "post_id" uuid NOT NULL,
                "created_by_id" uuid NOT NULL,
                "state" character varying(10) NOT NULL DEFAULT 'QUEUED',
                "target_page_ids" uuid array NOT NULL,
                "total" integer NOT NULL,
                "done" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL DEFAULT '[]',
                "claimed_by" character varying(80),
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_cascade_jobs" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cascade_jobs_claimable" ON "cascade_jobs" ("state", "lease_until")
            WHERE "state" IN ('QUEUED', 'RUNNING')
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cascade_jobs_post_created" ON "cascade_jobs" ("post_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "posts"
            ADD "localized_parent_body" text
        `);
        await queryRunner.query(`
            ALTER TABLE "cascade_jobs"
            ADD CONSTRAINT "FK_cascade_jobs_post" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cascade_jobs"
            ADD CONSTRAINT "FK_cascade_jobs_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "cascade_jobs" DROP CONSTRAINT "FK_cascade_jobs_created_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "cascade_jobs" DROP CONSTRAINT "FK_cascade_jobs_post"
        `);
        await queryRunner.query(`
            ALTER TABLE "posts" DROP COLUMN "localized_parent_body"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cascade_jobs_post_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cascade_jobs_claimable"
        `);
        await queryRunner.query(`
            DROP TABLE "cascade_jobs"
        `);
    }

}
