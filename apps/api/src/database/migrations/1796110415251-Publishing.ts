import { MigrationInterface, QueryRunner } from "typeorm";

export class Publishing1796110415251 implements MigrationInterface {
    name = 'Publishing1796110415251'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "approval_policies" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "country" character(2),
                "steps" jsonb NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_approval_policies" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_approval_policies_brand_country" ON "approval_policies" ("brand_id", "country")
            WHERE "country" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_approval_policies_brand_default" ON "approval_policies" ("brand_id")
            WHERE "country" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "posts" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "body" text NOT NULL,
                "link" character varying(2048),
                "media" jsonb NOT NULL DEFAULT '[]',
                "locale" character varying(35) NOT NULL,
                "publish_at" TIMESTAMP WITH TIME ZONE,
                "author_id" uuid NOT NULL,
                "state" character varying(20) NOT NULL DEFAULT 'DRAFT',
                "version" integer NOT NULL DEFAULT '1',
                "parent_post_id" uuid,
                "parent_version_localized" integer,
                "review_round" integer NOT NULL DEFAULT '0',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "approval_path" jsonb,
                "pending_step_id" character varying(60),
                "pending_role" character varying(32),
                "pending_scope" character varying(16),
                "pending_user_ids" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_posts" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_posts_parent" ON "posts" ("parent_post_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_posts_state_submitted" ON "posts" ("state", "submitted_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_posts_author" ON "posts" ("author_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_posts_brand_created" ON "posts" ("brand_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "post_events" (
                "id" uuid NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "post_id" uuid NOT NULL,
                "kind" character varying(24) NOT NULL,
                "actor_id" uuid,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "from_state" character varying(20),
                "to_state" character varying(20),
                "version" integer NOT NULL,
                "step_id" character varying(60),
                "review_round" integer,
                "comment" text,
                CONSTRAINT "PK_post_events" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_post_events_post_seq" ON "post_events" ("post_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "post_targets" (
                "post_id" uuid NOT NULL,
                "page_id" uuid NOT NULL,
                CONSTRAINT "PK_post_targets" PRIMARY KEY ("post_id", "page_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_post_targets_page" ON "post_targets" ("page_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "brands"
            ADD "guardrails" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_policies"
            ADD CONSTRAINT "FK_approval_policies_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "posts"
            ADD CONSTRAINT "FK_posts_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "posts"
            ADD CONSTRAINT "FK_posts_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "posts"
            ADD CONSTRAINT "FK_posts_parent" FOREIGN KEY ("parent_post_id") REFERENCES "posts"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "post_events"
            ADD CONSTRAINT "FK_post_events_post" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "post_events"
            ADD CONSTRAINT "FK_post_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "post_targets"
            ADD CONSTRAINT "FK_post_targets_post" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "post_targets"
            ADD CONSTRAINT "FK_post_targets_page" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // Lists are filtered by `scope_ids @> ARRAY[x]` (ability-sql.ts): GIN makes that an index lookup (TypeORM cannot declare GIN).
        await queryRunner.query(`CREATE INDEX "IDX_posts_scope" ON "posts" USING GIN ("scope_ids")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_posts_scope"`);
        await queryRunner.query(`
            ALTER TABLE "post_targets" DROP CONSTRAINT "FK_post_targets_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "post_targets" DROP CONSTRAINT "FK_post_targets_post"
        `);
        await queryRunner.query(`
            ALTER TABLE "post_events" DROP CONSTRAINT "FK_post_events_actor"
        `);
        await queryRunner.query(`
            ALTER TABLE "post_events" DROP CONSTRAINT "FK_post_events_post"
        `);
        await queryRunner.query(`
            ALTER TABLE "posts" DROP CONSTRAINT "FK_posts_parent"
        `);
        await queryRunner.query(`
            ALTER TABLE "posts" DROP CONSTRAINT "FK_posts_author"
        `);
        await queryRunner.query(`
            ALTER TABLE "posts" DROP CONSTRAINT "FK_posts_brand"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_policies" DROP CONSTRAINT "FK_approval_policies_brand"
        `);
        await queryRunner.query(`
            ALTER TABLE "brands" DROP COLUMN "guardrails"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_post_targets_page"
        `);
        await queryRunner.query(`
            DROP TABLE "post_targets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_post_events_post_seq"
        `);
        await queryRunner.query(`
            DROP TABLE "post_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_posts_brand_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_posts_author"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_posts_state_submitted"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_posts_parent"
        `);
        await queryRunner.query(`
            DROP TABLE "posts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_approval_policies_brand_default"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_approval_policies_brand_country"
        `);
        await queryRunner.query(`
            DROP TABLE "approval_policies"
        `);
    }

}
