import { MigrationInterface, QueryRunner } from "typeorm";

export class ReplyQueues1796110324856 implements MigrationInterface {
    name = 'ReplyQueues1796110324856'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "sandbox_deliveries" (
                "id" uuid NOT NULL,
                "network" character varying(40) NOT NULL,
                "page_external_id" character varying(200) NOT NULL,
                "method" character varying(10) NOT NULL,
                "path" character varying(400) NOT NULL,
                "body" jsonb NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_sandbox_deliveries" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sandbox_deliveries_subject" ON "sandbox_deliveries" ("subject_type", "subject_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "canned_responses" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "scope_page_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "name" character varying(120) NOT NULL,
                "variants" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_canned_responses" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_canned_responses_brand" ON "canned_responses" ("brand_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "reply_queues" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "scope_page_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "name" character varying(120) NOT NULL,
                "is_default" boolean NOT NULL DEFAULT false,
                "first_response_minutes" integer NOT NULL,
                "next_response_minutes" integer NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "business_hours" jsonb NOT NULL,
                "assignment_mode" character varying(16) NOT NULL DEFAULT 'PULL',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_reply_queues" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_reply_queues_brand" ON "reply_queues" ("brand_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "conversation_notes" (
                "id" uuid NOT NULL,
                "conversation_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "text" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_conversation_notes" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_conversation_notes_conversation" ON "conversation_notes" ("conversation_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "reply_queue_members" (
                "queue_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "capacity" integer NOT NULL,
                "languages" text array NOT NULL DEFAULT '{}',
                "last_assigned_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_reply_queue_members" PRIMARY KEY ("queue_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_reply_queue_members_user" ON "reply_queue_members" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "routing_rules" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "scope_page_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "name" character varying(120) NOT NULL,
                "position" integer NOT NULL,
                "conditions" jsonb NOT NULL,
                "queue_id" uuid NOT NULL,
                "priority" character varying(10) NOT NULL DEFAULT 'NORMAL',
                "tags" text array NOT NULL DEFAULT '{}',
                "enabled" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_routing_rules" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_routing_rules_queue" ON "routing_rules" ("queue_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_routing_rules_scope_position" ON "routing_rules" ("scope_page_id", "position")
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "priority" character varying(10) NOT NULL DEFAULT 'NORMAL'
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "priority_rank" smallint NOT NULL DEFAULT '1'
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "tags" text array NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "rule_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "routed_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "language" character varying(35)
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "assignee_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "lease_expires_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "escalated_to_manager" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "snoozed_until" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "response_due_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "first_responded_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD "last_responded_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_conversations_assignee" ON "conversations" ("assignee_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "canned_responses"
            ADD CONSTRAINT "FK_canned_responses_scope_page" FOREIGN KEY ("scope_page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queues"
            ADD CONSTRAINT "FK_reply_queues_scope_page" FOREIGN KEY ("scope_page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_conversations_queue" FOREIGN KEY ("queue_id") REFERENCES "reply_queues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_conversations_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes"
            ADD CONSTRAINT "FK_conversation_notes_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes"
            ADD CONSTRAINT "FK_conversation_notes_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queue_members"
            ADD CONSTRAINT "FK_reply_queue_members_queue" FOREIGN KEY ("queue_id") REFERENCES "reply_queues"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queue_members"
            ADD CONSTRAINT "FK_reply_queue_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "routing_rules"
            ADD CONSTRAINT "FK_routing_rules_scope_page" FOREIGN KEY ("scope_page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "routing_rules"
            ADD CONSTRAINT "FK_routing_rules_queue" FOREIGN KEY ("queue_id") REFERENCES "reply_queues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE TABLE "reply_authors" (
                "brand_id" uuid NOT NULL,
                "network" character varying(40) NOT NULL,
                "author_id" character varying(200) NOT NULL,
                "flags" text array NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_reply_authors" PRIMARY KEY ("brand_id", "network", "author_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_authors"
            ADD CONSTRAINT "FK_reply_authors_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // By hand (TypeORM cannot declare these): GIN for `scope_ids @> ARRAY[x]` list filters (ability-sql.ts).
        await queryRunner.query(`CREATE INDEX "IDX_reply_queues_scope" ON "reply_queues" USING GIN ("scope_ids")`);
        await queryRunner.query(`CREATE INDEX "IDX_routing_rules_scope" ON "routing_rules" USING GIN ("scope_ids")`);
        await queryRunner.query(`CREATE INDEX "IDX_canned_responses_scope" ON "canned_responses" USING GIN ("scope_ids")`);
        // One default queue per scope page: the fallback of routing must be unambiguous.
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_reply_queues_default_scope" ON "reply_queues" ("scope_page_id") WHERE "is_default"`);
        // claimNext: the claimable conversations of a queue, highest rank then oldest, without a sort.
        await queryRunner.query(
            `CREATE INDEX "IDX_conversations_claim" ON "conversations" ("queue_id", "priority_rank" DESC, "first_item_at", "id") WHERE "state" IN ('OPEN', 'ASSIGNED', 'ESCALATED')`,
        );
        // The router's to-do list, kept small: only items it has not seen.
        await queryRunner.query(`CREATE INDEX "IDX_inbound_items_received" ON "inbound_items" ("conversation_id") WHERE "status" = 'RECEIVED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "reply_authors"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_inbound_items_received"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_claim"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_reply_queues_default_scope"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_canned_responses_scope"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_routing_rules_scope"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_reply_queues_scope"`);
        await queryRunner.query(`
            ALTER TABLE "routing_rules" DROP CONSTRAINT "FK_routing_rules_queue"
        `);
        await queryRunner.query(`
            ALTER TABLE "routing_rules" DROP CONSTRAINT "FK_routing_rules_scope_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queue_members" DROP CONSTRAINT "FK_reply_queue_members_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queue_members" DROP CONSTRAINT "FK_reply_queue_members_queue"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes" DROP CONSTRAINT "FK_conversation_notes_author"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes" DROP CONSTRAINT "FK_conversation_notes_conversation"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_conversations_assignee"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_conversations_queue"
        `);
        await queryRunner.query(`
            ALTER TABLE "reply_queues" DROP CONSTRAINT "FK_reply_queues_scope_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "canned_responses" DROP CONSTRAINT "FK_canned_responses_scope_page"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_conversations_assignee"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "last_responded_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "first_responded_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "response_due_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "snoozed_until"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "escalated_to_manager"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "lease_expires_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "assignee_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "language"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "routed_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "rule_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "tags"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "priority_rank"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP COLUMN "priority"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_routing_rules_scope_position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_routing_rules_queue"
        `);
        await queryRunner.query(`
            DROP TABLE "routing_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_reply_queue_members_user"
        `);
        await queryRunner.query(`
            DROP TABLE "reply_queue_members"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_conversation_notes_conversation"
        `);
        await queryRunner.query(`
            DROP TABLE "conversation_notes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_reply_queues_brand"
        `);
        await queryRunner.query(`
            DROP TABLE "reply_queues"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_canned_responses_brand"
        `);
        await queryRunner.query(`
            DROP TABLE "canned_responses"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sandbox_deliveries_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "sandbox_deliveries"
        `);
    }

}
