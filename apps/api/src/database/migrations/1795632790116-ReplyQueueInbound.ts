import { MigrationInterface, QueryRunner } from "typeorm";

export class ReplyQueueInbound1795632790116 implements MigrationInterface {
    name = 'ReplyQueueInbound1795632790116'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "conversations" (
                "id" uuid NOT NULL,
                "network" character varying(40) NOT NULL,
                "brand_id" uuid NOT NULL,
                "page_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "thread_id" character varying(200) NOT NULL,
                "author_id" character varying(200) NOT NULL,
                "author_name" character varying(200),
                "state" character varying(20) NOT NULL DEFAULT 'OPEN',
                "queue_id" uuid,
                "item_count" integer NOT NULL DEFAULT '0',
                "first_item_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_item_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_conversations" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_conversations_brand_last_item" ON "conversations" ("brand_id", "last_item_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_conversations_thread_author" ON "conversations" ("network", "page_id", "thread_id", "author_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "inbound_items" (
                "id" uuid NOT NULL,
                "network" character varying(40) NOT NULL,
                "external_id" character varying(200) NOT NULL,
                "brand_id" uuid NOT NULL,
                "page_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "conversation_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "thread_id" character varying(200) NOT NULL,
                "parent_external_id" character varying(200),
                "author_id" character varying(200) NOT NULL,
                "author_name" character varying(200),
                "text" text NOT NULL,
                "language" character varying(35),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "source" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'RECEIVED',
                CONSTRAINT "PK_inbound_items" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_inbound_items_page" ON "inbound_items" ("page_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_inbound_items_conversation" ON "inbound_items" ("conversation_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_inbound_items_network_external" ON "inbound_items" ("network", "external_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "unmatched_inbound_items" (
                "id" uuid NOT NULL,
                "network" character varying(40) NOT NULL,
                "external_id" character varying(200) NOT NULL,
                "page_external_id" character varying(200) NOT NULL,
                "item" jsonb NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_unmatched_inbound_items" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_unmatched_inbound_items_page" ON "unmatched_inbound_items" ("network", "page_external_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_unmatched_inbound_items_network_external" ON "unmatched_inbound_items" ("network", "external_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_conversations_page" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "inbound_items"
            ADD CONSTRAINT "FK_inbound_items_page" FOREIGN KEY ("page_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "inbound_items"
            ADD CONSTRAINT "FK_inbound_items_conversation" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Lists are filtered by `scope_ids @> ARRAY[x]` (ability-sql.ts): GIN makes that an index lookup (TypeORM cannot declare GIN).
        await queryRunner.query(`CREATE INDEX "IDX_conversations_scope" ON "conversations" USING GIN ("scope_ids")`);
        await queryRunner.query(`CREATE INDEX "IDX_inbound_items_scope" ON "inbound_items" USING GIN ("scope_ids")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_inbound_items_scope"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_scope"`);
        await queryRunner.query(`
            ALTER TABLE "inbound_items" DROP CONSTRAINT "FK_inbound_items_conversation"
        `);
        await queryRunner.query(`
            ALTER TABLE "inbound_items" DROP CONSTRAINT "FK_inbound_items_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_conversations_page"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_unmatched_inbound_items_network_external"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_unmatched_inbound_items_page"
        `);
        await queryRunner.query(`
            DROP TABLE "unmatched_inbound_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_inbound_items_network_external"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_inbound_items_conversation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_inbound_items_page"
        `);
        await queryRunner.query(`
            DROP TABLE "inbound_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_conversations_thread_author"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_conversations_brand_last_item"
        `);
        await queryRunner.query(`
            DROP TABLE "conversations"
        `);
    }

}
