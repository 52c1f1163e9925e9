import { MigrationInterface, QueryRunner } from "typeorm";

// Page metrics from the networks (page-metrics/) and the public pivot's demand rollup (pivot/).
// The application role gets its DML on these tables from the owner's default privileges
// (database-roles.ts grantAppRole): nothing to grant here.

export class PageMetricsAndPivotDemand1797000000041 implements MigrationInterface {
    name = 'PageMetricsAndPivotDemand1797000000041'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "page_metric_daily" (
                "page_id" uuid NOT NULL,
                "metric" character varying(80) NOT NULL,
                "day" date NOT NULL,
                "brand_id" uuid NOT NULL,
                "value" bigint NOT NULL,
                "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_page_metric_daily" PRIMARY KEY ("page_id", "metric", "day")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_page_metric_daily_brand_day" ON "page_metric_daily" ("brand_id", "day")
        `);
        await queryRunner.query(`
            CREATE TABLE "page_metric_status" (
                "page_id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_success_at" TIMESTAMP WITH TIME ZONE,
                "reasons" character varying(120) array NOT NULL DEFAULT '{}',
                "last_error_reason" character varying(120),
                "last_error_at" TIMESTAMP WITH TIME ZONE,
                "last_error_message" character varying(500),
                CONSTRAINT "PK_page_metric_status" PRIMARY KEY ("page_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "pivot_demand_daily" (
                "brand_id" uuid NOT NULL,
                "country" character varying(2) NOT NULL,
                "outcome" character varying(10) NOT NULL,
                "day" date NOT NULL,
                "count" bigint NOT NULL,
                CONSTRAINT "PK_pivot_demand_daily" PRIMARY KEY ("brand_id", "country", "outcome", "day")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_daily"
            ADD CONSTRAINT "FK_page_metric_daily_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_daily"
            ADD CONSTRAINT "FK_page_metric_daily_page" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_status"
            ADD CONSTRAINT "FK_page_metric_status_page" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_status"
            ADD CONSTRAINT "FK_page_metric_status_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pivot_demand_daily"
            ADD CONSTRAINT "FK_pivot_demand_daily_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pivot_demand_daily" DROP CONSTRAINT "FK_pivot_demand_daily_brand"
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_status" DROP CONSTRAINT "FK_page_metric_status_brand"
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_status" DROP CONSTRAINT "FK_page_metric_status_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_daily" DROP CONSTRAINT "FK_page_metric_daily_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "page_metric_daily" DROP CONSTRAINT "FK_page_metric_daily_brand"
        `);
        await queryRunner.query(`
            DROP TABLE "pivot_demand_daily"
        `);
        await queryRunner.query(`
            DROP TABLE "page_metric_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_page_metric_daily_brand_day"
        `);
        await queryRunner.query(`
            DROP TABLE "page_metric_daily"
        `);
    }

}
