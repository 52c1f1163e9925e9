import 'reflect-metadata';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { jobQueueOptions } from '../../src/jobs/job-queue';
import { createTestDatabase } from '../support/test-app';

describe('migrations', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    // pg-boss's own schema beside ours, as in every running database: none of our business.
    const boss = new PgBoss(jobQueueOptions(db.url));
    await boss.start();
    await boss.stop({ graceful: false, close: true, wait: true });
  });
  afterAll(() => db.drop());

  it('describe exactly the entities: TypeORM finds nothing to change after they ran, pg-boss’s schema beside them', async () => {
    const dataSource = new DataSource(
      dataSourceOptions({ url: db.url, poolSize: 1, statementTimeoutMs: 60_000, idleInTransactionTimeoutMs: 60_000 }),
    );
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it.each(['IDX_pages_scope', 'IDX_posts_scope'])('index scopes with GIN so `scope_ids @> ARRAY[x]` is an index lookup: %s', async (index) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT indexdef FROM pg_indexes WHERE indexname = $1`, [index]);
      expect(rows[0]?.indexdef).toMatch(/USING gin \(scope_ids\)/);
    } finally {
      await client.end();
    }
  });
});
