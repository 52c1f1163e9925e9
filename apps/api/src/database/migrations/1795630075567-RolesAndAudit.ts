import { MigrationInterface, QueryRunner } from "typeorm";

export class RolesAndAudit1795630075567 implements MigrationInterface {
    name = 'RolesAndAudit1795630075567'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "role_assignments" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(32) NOT NULL,
                "brand_id" uuid,
                "scope_page_id" uuid,
                "scope_ids" uuid array NOT NULL,
                "granted_by_id" uuid,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_role_assignments" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_role_assignments_brand" ON "role_assignments" ("brand_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_role_assignments_user" ON "role_assignments" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_role_assignments_grant" ON "role_assignments" ("user_id", "role", "scope_page_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" uuid NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "action" character varying(60) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" uuid NOT NULL,
                "brand_id" uuid,
                "scope_ids" uuid array NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "request_id" character varying(128),
                CONSTRAINT "PK_audit_entries" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entries_actor" ON "audit_entries" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entries_subject" ON "audit_entries" ("subject_type", "subject_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entries_brand_seq" ON "audit_entries" ("brand_id", "seq")
        `);
        await queryRunner.query(`CREATE INDEX "IDX_role_assignments_scope" ON "role_assignments" USING GIN ("scope_ids")`);
        await queryRunner.query(`CREATE INDEX "IDX_audit_entries_scope" ON "audit_entries" USING GIN ("scope_ids")`);
        // The audit log is append-only for everyone, the application's own database user included.
        await queryRunner.query(`
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TRG_audit_entries_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_entries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "TRG_audit_entries_no_truncate" BEFORE TRUNCATE ON "audit_entries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_role_assignments_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_role_assignments_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_role_assignments_scope_page" FOREIGN KEY ("scope_page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_role_assignments_granted_by" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "TRG_audit_entries_no_truncate" ON "audit_entries"`);
        await queryRunner.query(`DROP TRIGGER "TRG_audit_entries_no_update_delete" ON "audit_entries"`);
        await queryRunner.query(`DROP FUNCTION audit_entries_append_only()`);
        await queryRunner.query(`DROP INDEX "public"."IDX_audit_entries_scope"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_role_assignments_scope"`);
        await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_role_assignments_granted_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_role_assignments_scope_page"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_role_assignments_brand"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_role_assignments_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entries_brand_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entries_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entries_actor"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entries"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_role_assignments_grant"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_role_assignments_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_role_assignments_brand"
        `);
        await queryRunner.query(`
            DROP TABLE "role_assignments"
        `);
    }

}
