import { MigrationInterface, QueryRunner } from "typeorm";

// One ACTIVE page per (network, external id): ingest and publishing find the network's page by it,
// so a second claimant takes the first one's comments away. A database where several active pages
// already claim one id keeps it on the page that claimed it first (when the audit log last set it
// to this value, else when the page was made) and clears it on the others, as the constraint would
// have refused them. Each clearing is an audit entry, so the brand team sees which page to re-bind.

export class UniqueActivePageExternalId1796479721254 implements MigrationInterface {
    name = 'UniqueActivePageExternalId1796479721254'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            WITH "claims" AS (
                SELECT p."id", p."network", p."external_id", p."created_at",
                    COALESCE((
                        SELECT max(a."occurred_at") FROM "audit_entries" a
                        WHERE a."subject_type" = 'Page' AND a."subject_id" = p."id"
                          AND a."changes" -> 'externalId' ->> 'after' = p."external_id"
                    ), p."created_at") AS "claimed_at"
                FROM "pages" p
                WHERE p."status" = 'ACTIVE' AND p."external_id" IS NOT NULL
            ), "ranked" AS (
                SELECT "id", "external_id",
                    row_number() OVER (PARTITION BY "network", "external_id" ORDER BY "claimed_at", "created_at", "id") AS "claim"
                FROM "claims"
            ), "released" AS (
                UPDATE "pages" p SET "external_id" = NULL, "version" = p."version" + 1, "updated_at" = now()
                FROM "ranked" r WHERE r."id" = p."id" AND r."claim" > 1
                RETURNING p."id", p."brand_id", p."scope_ids", r."external_id"
            )
            INSERT INTO "audit_entries" ("id", "actor_id", "action", "subject_type", "subject_id", "brand_id", "scope_ids", "changes", "request_id")
            SELECT gen_random_uuid(), NULL, 'page.update', 'Page', "id", "brand_id", "scope_ids",
                jsonb_build_object('externalId', jsonb_build_object('before', "external_id", 'after', NULL)),
                'migration:UniqueActivePageExternalId'
            FROM "released"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pages_active_network_external_id" ON "pages" ("network", "external_id")
            WHERE "status" = 'ACTIVE' AND "external_id" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The external ids cleared by up() stay cleared: the audit log names them.
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pages_active_network_external_id"
        `);
    }

}
