import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795629530600 implements MigrationInterface {
    name = 'Init1795629530600'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "display_name" character varying(120) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "disabled" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_users" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "brands" (
                "id" uuid NOT NULL,
                "slug" character varying(60) NOT NULL,
                "name" character varying(200) NOT NULL,
                "audiences" text array NOT NULL,
                "segment_fallback" character varying(32) NOT NULL DEFAULT 'MARKET_PAGE',
                "default_network" character varying(40) NOT NULL DEFAULT 'facebook',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_brands" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_brands_slug" ON "brands" ("slug")
        `);
        await queryRunner.query(`
            CREATE TABLE "pages" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "parent_id" uuid,
                "scope_ids" uuid array NOT NULL,
                "kind" character varying(16) NOT NULL,
                "network" character varying(40) NOT NULL,
                "external_id" character varying(120),
                "handle" character varying(120),
                "url" character varying(2048) NOT NULL,
                "name" character varying(200) NOT NULL,
                "country" character(2),
                "languages" text array NOT NULL DEFAULT '{}',
                "segment" character varying(60),
                "status" character varying(16) NOT NULL DEFAULT 'ACTIVE',
                "default_variant" boolean NOT NULL DEFAULT false,
                "region_countries" text array NOT NULL DEFAULT '{}',
                "picture_url" character varying(2048),
                "description" text,
                "keywords" text array NOT NULL DEFAULT '{}',
                "website" character varying(2048),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_pages" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pages_global_per_network" ON "pages" ("brand_id", "network")
            WHERE "kind" = 'GLOBAL'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pages_parent" ON "pages" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pages_brand" ON "pages" ("brand_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "market_aliases" (
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "network" character varying(40) NOT NULL,
                "country" character(2) NOT NULL,
                "market_page_id" uuid NOT NULL,
                "scope_ids" uuid array NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_market_aliases" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_market_aliases_market" ON "market_aliases" ("market_page_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_market_aliases_country" ON "market_aliases" ("brand_id", "network", "country")
        `);
        // Scope checks are `scope_ids @> ARRAY[x]`: GIN makes them index lookups (TypeORM cannot declare GIN).
        await queryRunner.query(`CREATE INDEX "IDX_pages_scope" ON "pages" USING GIN ("scope_ids")`);
        await queryRunner.query(`CREATE INDEX "IDX_market_aliases_scope" ON "market_aliases" USING GIN ("scope_ids")`);
        // Sign-in attempts, shared by every API instance (rate-limiter-flexible's Postgres store layout).
        await queryRunner.query(`
            CREATE TABLE "login_rate_limits" (
                "key" character varying(255) NOT NULL,
                "points" integer NOT NULL DEFAULT 0,
                "expire" bigint,
                CONSTRAINT "PK_login_rate_limits" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "pages"
            ADD CONSTRAINT "FK_pages_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pages"
            ADD CONSTRAINT "FK_pages_parent" FOREIGN KEY ("parent_id") REFERENCES "pages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "market_aliases"
            ADD CONSTRAINT "FK_market_aliases_brand" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "market_aliases"
            ADD CONSTRAINT "FK_market_aliases_market" FOREIGN KEY ("market_page_id") REFERENCES "pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "login_rate_limits"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_market_aliases_scope"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_pages_scope"`);
        await queryRunner.query(`
            ALTER TABLE "market_aliases" DROP CONSTRAINT "FK_market_aliases_market"
        `);
        await queryRunner.query(`
            ALTER TABLE "market_aliases" DROP CONSTRAINT "FK_market_aliases_brand"
        `);
        await queryRunner.query(`
            ALTER TABLE "pages" DROP CONSTRAINT "FK_pages_parent"
        `);
        await queryRunner.query(`
            ALTER TABLE "pages" DROP CONSTRAINT "FK_pages_brand"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_market_aliases_country"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_market_aliases_market"
        `);
        await queryRunner.query(`
            DROP TABLE "market_aliases"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pages_brand"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pages_parent"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pages_global_per_network"
        `);
        await queryRunner.query(`
            DROP TABLE "pages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_brands_slug"
        `);
        await queryRunner.query(`
            DROP TABLE "brands"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_users_email"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
    }

}
