import { MigrationInterface, QueryRunner } from "typeorm";

// Who submitted a post's current round: a cascade child is submitted by its market, not by the
// brand team that authored it, and that submitter may not approve it. Until now only authors
// submitted, so posts already submitted were submitted by their author.

export class SubmittedBy1796124080452 implements MigrationInterface {
    name = 'SubmittedBy1796124080452'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "posts"
            ADD "submitted_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "posts"
            ADD CONSTRAINT "FK_posts_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            UPDATE "posts" SET "submitted_by" = "author_id" WHERE "submitted_at" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "posts" DROP CONSTRAINT "FK_posts_submitted_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "posts" DROP COLUMN "submitted_by"
        `);
    }

}
