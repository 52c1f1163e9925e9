import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the insights read by (issue 10, item 7), so a range of days over a whole brand is an
 * index-only scan of the rows it sums, not a scan of every metric of every day:
 * - page_metric_daily by (metric, day), carrying page and value (the primary key leads with the page);
 * - conversation_metric_days at the page grain only (queue and moderator null), carrying the counts.
 */
export class InsightsIndexes1797000000200 implements MigrationInterface {
  name = 'InsightsIndexes1797000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_page_metric_daily_metric_day" ON "page_metric_daily" ("metric", "day") INCLUDE ("page_id", "value")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_conversation_metric_days_page_grain" ON "conversation_metric_days" ("brand_id", "day") INCLUDE ("page_id", "metric", "count") WHERE "queue_id" IS NULL AND "moderator_id" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_conversation_metric_days_page_grain"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_page_metric_daily_metric_day"`);
  }
}
