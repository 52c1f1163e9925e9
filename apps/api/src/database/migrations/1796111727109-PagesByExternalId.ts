import { MigrationInterface, QueryRunner } from "typeorm";

export class PagesByExternalId1796111727109 implements MigrationInterface {
    name = 'PagesByExternalId1796111727109'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "IDX_pages_network_external_id" ON "pages" ("network", "external_id")
            WHERE "external_id" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pages_network_external_id"
        `);
    }

}
