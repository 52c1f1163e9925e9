import { MigrationInterface, QueryRunner } from "typeorm";

export class PublishingFreezes1796115171881 implements MigrationInterface {
    name = 'PublishingFreezes1796115171881'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "publishing_freezes" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "market_page_id" uuid,
                "reason" text,
                "frozen_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_publishing_freezes" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_publishing_freezes_market" ON "publishing_freezes" ("brand_id", "market_page_id")
            WHERE "market_page_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_publishing_freezes_brand" ON "publishing_freezes" ("brand_id")
            WHERE "market_page_id" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "publishing_freezes"
            ADD CONSTRAINT "FK_publishing_freezes_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publishing_freezes"
            ADD CONSTRAINT "FK_publishing_freezes_market_page" FOREIGN KEY ("market_page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "publishing_freezes"
            ADD CONSTRAINT "FK_publishing_freezes_frozen_by" FOREIGN KEY ("frozen_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "publishing_freezes" DROP CONSTRAINT "FK_publishing_freezes_frozen_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "publishing_freezes" DROP CONSTRAINT "FK_publishing_freezes_market_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "publishing_freezes" DROP CONSTRAINT "FK_publishing_freezes_brand"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_publishing_freezes_brand"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_publishing_freezes_market"
        `);
        await queryRunner.query(`
            DROP TABLE "publishing_freezes"
        `);
    }

}
