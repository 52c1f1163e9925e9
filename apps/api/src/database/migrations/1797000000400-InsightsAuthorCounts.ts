import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distinct authors do not add up by day or week, so the insights count them from
 * conversation_metric_authors on each read; a brand's 90 days are tens of thousands of rows. This
 * keeps each count once computed, per (page, granularity, range): insights_author_counts, dropped
 * when insights_rollups rebuilds any day of its range. insights_versions counts each brand's
 * rebuilds: a count computed before a rebuild is not kept after it. conversation_metric_authors
 * now marks the days it changes stale like the other sources of the insights.
 */
export class InsightsAuthorCounts1797000000400 implements MigrationInterface {
  name = 'InsightsAuthorCounts1797000000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "insights_author_counts" (
        "page_id" uuid NOT NULL,
        "granularity" character varying(5) NOT NULL,
        "from_day" date NOT NULL,
        "to_day" date NOT NULL,
        "brand_id" uuid NOT NULL,
        "counts" jsonb NOT NULL,
        CONSTRAINT "PK_insights_author_counts" PRIMARY KEY ("page_id", "granularity", "from_day", "to_day")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_insights_author_counts_brand_range" ON "insights_author_counts" ("brand_id", "from_day", "to_day")`);
    await queryRunner.query(`
      CREATE TABLE "insights_versions" (
        "brand_id" uuid NOT NULL,
        "version" bigint NOT NULL,
        CONSTRAINT "PK_insights_versions" PRIMARY KEY ("brand_id")
      )
    `);
    await queryRunner.query(
      `CREATE TRIGGER "TR_conversation_metric_authors_insights_insert" AFTER INSERT ON "conversation_metric_authors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_stale_from_new()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TR_conversation_metric_authors_insights_update" AFTER UPDATE ON "conversation_metric_authors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_stale_from_new()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TR_conversation_metric_authors_insights_delete" AFTER DELETE ON "conversation_metric_authors" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_stale_from_old()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER "TR_conversation_metric_authors_insights_${event}" ON "conversation_metric_authors"`);
    }
    await queryRunner.query(`DROP TABLE "insights_versions"`);
    await queryRunner.query(`DROP TABLE "insights_author_counts"`);
  }
}
