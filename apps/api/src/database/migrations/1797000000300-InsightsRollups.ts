import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Insights read wide, pre-summed rows instead of summing every page's narrow rows per request
 * (issue 10, speed): one row per (page, part, grain, start) with every figure the insights sum.
 * - part TREE: the page's whole subtree (itself and every page under it); OWN: the page alone.
 * - grain D: one UTC day; W: the ISO week starting that Monday (a range reads its whole weeks as W
 *   rows and only the days at its edges as D rows). `backlog` is the gauge at the row's last day.
 * They are derived from conversation_metric_days (page grain) and page_metric_daily, never written
 * by hand: statement triggers on both record the (brand, day)s a statement touched in
 * insights_stale_days, and a page moving in the tree marks the days it has figures on; the
 * rollup job and the next insights request of that brand rebuild those days and their weeks.
 * The primary key carries every figure, so reads are index-only scans once vacuumed.
 */
export class InsightsRollups1797000000300 implements MigrationInterface {
  name = 'InsightsRollups1797000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "insights_rollups" (
        "page_id" uuid NOT NULL,
        "part" character varying(4) NOT NULL,
        "grain" character(1) NOT NULL,
        "start" date NOT NULL,
        "brand_id" uuid NOT NULL,
        "follows" bigint,
        "unfollows" bigint,
        "reach" bigint,
        "engagements" bigint,
        "items_received" bigint NOT NULL DEFAULT 0,
        "opened" bigint NOT NULL DEFAULT 0,
        "answered" bigint NOT NULL DEFAULT 0,
        "resolved" bigint NOT NULL DEFAULT 0,
        "sla_met" bigint NOT NULL DEFAULT 0,
        "sla_breached" bigint NOT NULL DEFAULT 0,
        "first_sla_met" bigint NOT NULL DEFAULT 0,
        "backlog" bigint NOT NULL DEFAULT 0,
        "first_response_histogram" integer array,
        "first_response_business_histogram" integer array,
        "next_response_histogram" integer array,
        "resolution_histogram" integer array,
        -- Covering: a market comparison reads each node's few rows in key order, from the index alone.
        CONSTRAINT "PK_insights_rollups" PRIMARY KEY ("page_id", "part", "grain", "start") INCLUDE (
          "follows", "unfollows", "reach", "engagements", "items_received", "opened", "answered", "resolved", "sla_met", "sla_breached",
          "first_sla_met", "backlog", "first_response_histogram", "first_response_business_histogram", "next_response_histogram", "resolution_histogram"
        ),
        CONSTRAINT "CHK_insights_rollups_part" CHECK ("part" IN ('TREE', 'OWN')),
        CONSTRAINT "CHK_insights_rollups_grain" CHECK ("grain" IN ('D', 'W'))
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_insights_rollups_brand_grain_start" ON "insights_rollups" ("brand_id", "grain", "start")`);
    await queryRunner.query(`
      CREATE TABLE "insights_stale_days" (
        "brand_id" uuid NOT NULL,
        "day" date NOT NULL,
        CONSTRAINT "PK_insights_stale_days" PRIMARY KEY ("brand_id", "day")
      )
    `);
    // One function per transition table name; each statement adds its distinct (brand, day)s once.
    for (const [fn, table] of [
      ['insights_stale_from_new', 'new_rows'],
      ['insights_stale_from_old', 'old_rows'],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO insights_stale_days (brand_id, day) SELECT DISTINCT brand_id, day FROM ${table} ON CONFLICT DO NOTHING;
          RETURN NULL;
        END $$`);
    }
    for (const table of ['conversation_metric_days', 'page_metric_daily']) {
      await queryRunner.query(
        `CREATE TRIGGER "TR_${table}_insights_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_stale_from_new()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TR_${table}_insights_update" AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_stale_from_new()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "TR_${table}_insights_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_stale_from_old()`,
      );
    }
    // A page moved: its subtree's figures leave its old ancestors and join its new ones, on every day it has figures.
    await queryRunner.query(`
      CREATE FUNCTION "insights_stale_page_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO insights_stale_days (brand_id, day)
        SELECT NEW.brand_id, r.start FROM insights_rollups r WHERE r.page_id = NEW.id AND r.part = 'OWN' AND r.grain = 'D'
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TR_pages_insights_moved" AFTER UPDATE OF "scope_ids" ON "pages" FOR EACH ROW WHEN (OLD.scope_ids IS DISTINCT FROM NEW.scope_ids) EXECUTE FUNCTION insights_stale_page_moved()`,
    );
    // Every day that already has figures is built by the first rebuild.
    await queryRunner.query(`
      INSERT INTO insights_stale_days (brand_id, day)
      SELECT brand_id, day FROM conversation_metric_days UNION SELECT brand_id, day FROM page_metric_daily`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TR_pages_insights_moved" ON "pages"`);
    await queryRunner.query(`DROP FUNCTION "insights_stale_page_moved"()`);
    for (const table of ['conversation_metric_days', 'page_metric_daily']) {
      for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "TR_${table}_insights_${event}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "insights_stale_from_old"()`);
    await queryRunner.query(`DROP FUNCTION "insights_stale_from_new"()`);
    await queryRunner.query(`DROP TABLE "insights_stale_days"`);
    await queryRunner.query(`DROP TABLE "insights_rollups"`);
  }
}
