import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily conversation metric rollups (DESIGN §7) and what keeps them current incrementally:
 * - conversation_metric_days: one row per (brand, page, day, queue?, moderator?, metric) with
 *   count, sums in milliseconds (integers: a sum is exact in any order, so rollup = raw holds to
 *   the millisecond) and the fixed log-spaced histograms (@pivot/domain duration-histogram).
 *   Grains: page (queue and moderator null), page × queue, page × queue × moderator.
 * - conversation_metric_authors: who wrote to a page on a day, for distinct authors.
 * - conversation_metric_marks / conversation_metric_cursor: the job's cursor over audit seq and
 *   item arrival, re-read over a window (transactions commit out of seq order) and deduplicated
 *   by the marks, so every event is added exactly once.
 * Nothing new is recorded on the raw tables: every timestamp the metrics need is already in
 * inbound_items, conversations and the conversation.* audit entries.
 */
export class ConversationMetricRollups1797000000100 implements MigrationInterface {
  name = 'ConversationMetricRollups1797000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "conversation_metric_days" (
        "brand_id" uuid NOT NULL,
        "page_id" uuid NOT NULL,
        "day" date NOT NULL,
        "queue_id" uuid,
        "moderator_id" uuid,
        "metric" character varying(32) NOT NULL,
        "count" bigint NOT NULL DEFAULT 0,
        "sum_ms" bigint NOT NULL DEFAULT 0,
        "business_count" bigint NOT NULL DEFAULT 0,
        "business_sum_ms" bigint NOT NULL DEFAULT 0,
        "histogram" integer array,
        "business_histogram" integer array,
        CONSTRAINT "UQ_conversation_metric_days_key" UNIQUE NULLS NOT DISTINCT ("brand_id", "page_id", "day", "queue_id", "moderator_id", "metric")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_conversation_metric_days_brand_day" ON "conversation_metric_days" ("brand_id", "day")`);
    await queryRunner.query(`
      CREATE TABLE "conversation_metric_authors" (
        "page_id" uuid NOT NULL,
        "day" date NOT NULL,
        "author_id" character varying(200) NOT NULL,
        "brand_id" uuid NOT NULL,
        CONSTRAINT "PK_conversation_metric_authors" PRIMARY KEY ("page_id", "day", "author_id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_conversation_metric_authors_brand_day" ON "conversation_metric_authors" ("brand_id", "day")`);
    await queryRunner.query(`
      CREATE TABLE "conversation_metric_marks" (
        "event_id" uuid NOT NULL,
        "audit_seq" bigint,
        "received_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_conversation_metric_marks" PRIMARY KEY ("event_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "conversation_metric_cursor" (
        "id" smallint NOT NULL,
        "audit_seq" bigint NOT NULL,
        "items_received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_conversation_metric_cursor" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_conversation_metric_cursor_single" CHECK ("id" = 1)
      )
    `);
    // History before this migration is rebuilt day by day with recomputeConversationMetricsDay.
    await queryRunner.query(
      `INSERT INTO "conversation_metric_cursor" ("id", "audit_seq", "items_received_at") SELECT 1, COALESCE(max("seq"), 0), now() FROM "audit_entries"`,
    );
    // The job's reads: conversation events by seq, items by arrival; a day's rebuild by event time.
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entries_conversation_seq" ON "audit_entries" ("seq") WHERE "subject_type" = 'Conversation'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entries_conversation_brand_time" ON "audit_entries" ("brand_id", "occurred_at") WHERE "subject_type" = 'Conversation'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_inbound_items_received_at" ON "inbound_items" ("received_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_inbound_items_brand_occurred" ON "inbound_items" ("brand_id", "occurred_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_inbound_items_brand_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_inbound_items_received_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entries_conversation_brand_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entries_conversation_seq"`);
    await queryRunner.query(`DROP TABLE "conversation_metric_cursor"`);
    await queryRunner.query(`DROP TABLE "conversation_metric_marks"`);
    await queryRunner.query(`DROP TABLE "conversation_metric_authors"`);
    await queryRunner.query(`DROP TABLE "conversation_metric_days"`);
  }
}
