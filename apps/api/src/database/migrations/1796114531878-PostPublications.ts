import { MigrationInterface, QueryRunner } from "typeorm";

export class PostPublications1796114531878 implements MigrationInterface {
    name = 'PostPublications1796114531878'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "post_publications" (
                "post_id" uuid NOT NULL,
                "page_id" uuid NOT NULL,
                "state" character varying(16) NOT NULL DEFAULT 'PENDING',
                "idempotency_key" character varying(200) NOT NULL,
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "external_id" character varying(200),
                "last_error" text,
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_post_publications" PRIMARY KEY ("post_id", "page_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_post_publications_due" ON "post_publications" ("next_attempt_at")
            WHERE "state" = 'PENDING'
        `);
        await queryRunner.query(`
            ALTER TABLE "sandbox_deliveries"
            ADD "idempotency_key" character varying(200)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sandbox_deliveries_idempotency_key" ON "sandbox_deliveries" ("idempotency_key")
            WHERE "idempotency_key" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "post_publications"
            ADD CONSTRAINT "FK_post_publications_post" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "post_publications"
            ADD CONSTRAINT "FK_post_publications_page" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "post_publications" DROP CONSTRAINT "FK_post_publications_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "post_publications" DROP CONSTRAINT "FK_post_publications_post"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sandbox_deliveries_idempotency_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "sandbox_deliveries" DROP COLUMN "idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_post_publications_due"
        `);
        await queryRunner.query(`
            DROP TABLE "post_publications"
        `);
    }

}
