import { Client } from 'pg';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { UniqueActivePageExternalId1796479721254 } from '../../src/database/migrations/1796479721254-UniqueActivePageExternalId';
import { archive, as, loadWorld, must, newSegment, restore, startAccessApp, type World } from '../access/access-world';
import { sql } from '../publishing/publish-world';
import { errorCode } from '../support/graphql';

/*
 * Ingest and publishing find a network's page by its external id, so one ACTIVE page holds each
 * (network, external id): a database constraint, whatever the caller's role, brand or timing.
 */
describe('one active page per (network, external id)', () => {
  let w: World;
  const UPDATE = 'mutation($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { id externalId version } }';
  const CREATE = 'mutation($input: CreatePageInput!) { createPage(input: $input) { id externalId } }';
  const externalIdOf = async (id: string): Promise<string | null> => (await sql(w, 'SELECT external_id FROM pages WHERE id = $1', [id]))[0].external_id;
  const auditCount = async (id: string): Promise<number> => (await sql(w, 'SELECT count(*)::int AS n FROM audit_entries WHERE subject_id = $1', [id]))[0].n;

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    await archive(w, w.id.frStudent);
  });
  afterAll(() => w?.app.close());

  it("giving a page another active page's external id is CONFLICT, and nothing of it is written", async () => {
    const es = await externalIdOf(w.id.ES);
    const [version, audits] = [(await sql(w, 'SELECT version FROM pages WHERE id = $1', [w.id.DE]))[0].version, await auditCount(w.id.DE)];
    const result = await as(w, 'ADMIN', UPDATE, { id: w.id.DE, input: { externalId: es, description: 'and this too' } });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0].extensions).toMatchObject({ fields: [{ field: 'externalId' }] });
    expect(await sql(w, 'SELECT external_id, version, description FROM pages WHERE id = $1', [w.id.DE])).toEqual([
      { external_id: 'fb-northwind.de', version, description: expect.not.stringContaining('and this too') },
    ]);
    expect(await auditCount(w.id.DE)).toBe(audits);
  });

  it("a page of another brand cannot take the external id either: CONFLICT", async () => {
    const other = must(await as(w, 'PLATFORM', 'mutation { createBrand(input: { slug: "contoso-ids", name: "Contoso" }) { id } }')).createBrand;
    const input = { brandId: other.id, kind: 'GLOBAL', name: 'Contoso', url: 'https://www.facebook.com/contoso', languages: ['en'], externalId: await externalIdOf(w.id.FR) };
    expect(errorCode(await as(w, 'PLATFORM', CREATE, { input }))).toBe('CONFLICT');
    expect(await sql(w, 'SELECT id FROM pages WHERE brand_id = $1', [other.id])).toEqual([]);
  });

  it('two creates racing for one free external id: one page, the other CONFLICT', async () => {
    const externalId = 'fb-northwind.race';
    const create = (parentId: string, segment: string) =>
      as(w, 'PLATFORM', CREATE, { input: { brandId: w.brandId, kind: 'SEGMENT', parentId, segment, name: `Race ${parentId}`, url: 'https://www.facebook.com/race', externalId } });
    await archive(w, w.id.esStudent);
    const results = await Promise.all([create(w.id.FR, 'student'), create(w.id.ES, 'student')]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await sql(w, `SELECT count(*)::int AS n FROM pages WHERE external_id = $1`, [externalId])).toEqual([{ n: 1 }]);
    const made = results.find((r) => !r.errors)!.data!.createPage.id;
    await archive(w, made);
  });

  it('an archived page keeps its external id, an active page may take it, and restoring the archived one is then CONFLICT', async () => {
    const old = await newSegment(w, w.id.FR);
    must(await as(w, 'PLATFORM', UPDATE, { id: old, input: { externalId: 'fb-northwind.fr.students.v1' } }));
    await archive(w, old);
    must(await as(w, 'PLATFORM', UPDATE, { id: w.id.DE, input: { externalId: 'fb-northwind.fr.students.v1' } }));
    expect(errorCode(await as(w, 'PLATFORM', 'mutation($id: ID!) { restorePage(id: $id) { id } }', { id: old }))).toBe('CONFLICT');
    expect(await sql(w, 'SELECT status, external_id FROM pages WHERE id = $1', [old])).toEqual([{ status: 'ARCHIVED', external_id: 'fb-northwind.fr.students.v1' }]);
    must(await as(w, 'PLATFORM', UPDATE, { id: w.id.DE, input: { externalId: 'fb-northwind.de' } }));
    await restore(w, old);
    await archive(w, old);
  });

  it('the database itself refuses a second active page with the same (network, external id)', async () => {
    await expect(sql(w, 'UPDATE pages SET external_id = $1 WHERE id = $2', ['fb-northwind.es', w.id.DE])).rejects.toMatchObject({
      code: '23505',
      constraint: 'UQ_pages_active_network_external_id',
    });
  });
});

describe('the migration on a database that already has two active pages for one external id', () => {
  let w: World;
  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
  });
  afterAll(() => w?.app.close());

  it('keeps the id on the page that claimed it first, clears it on the later claimant with an audit entry, then enforces it', async () => {
    // The index is the owner's: the API's own role may not drop it (nor run migrations).
    const owner = new Client({ connectionString: w.app.ownerDatabaseUrl });
    await owner.connect();
    await owner.query('DROP INDEX "UQ_pages_active_network_external_id"').finally(() => owner.end());
    // ES has held its id since the seed; FR's manager took it afterwards (the attack of issue 11).
    await sql(w, 'UPDATE pages SET external_id = $1 WHERE id = $2', ['fb-northwind.es', w.id.FR]);
    await sql(
      w,
      `INSERT INTO audit_entries (id, action, subject_type, subject_id, brand_id, scope_ids, changes)
       VALUES (gen_random_uuid(), 'page.update', 'Page', $1, $2, '{}', $3)`,
      [w.id.FR, w.brandId, { externalId: { before: 'fb-northwind.fr', after: 'fb-northwind.es' } }],
    );
    const dataSource = new DataSource(dataSourceOptions({ url: w.app.ownerDatabaseUrl, poolSize: 1, statementTimeoutMs: 60_000, idleInTransactionTimeoutMs: 60_000 }));
    await dataSource.initialize();
    try {
      await new UniqueActivePageExternalId1796479721254().up(dataSource.createQueryRunner());
    } finally {
      await dataSource.destroy();
    }
    expect(await sql(w, 'SELECT id, external_id FROM pages WHERE id = ANY($1) ORDER BY name', [[w.id.FR, w.id.ES]])).toEqual(
      expect.arrayContaining([
        { id: w.id.ES, external_id: 'fb-northwind.es' },
        { id: w.id.FR, external_id: null },
      ]),
    );
    const [entry] = await sql(w, `SELECT actor_id, changes, request_id FROM audit_entries WHERE subject_id = $1 ORDER BY seq DESC LIMIT 1`, [w.id.FR]);
    expect(entry).toEqual({ actor_id: null, changes: { externalId: { before: 'fb-northwind.es', after: null } }, request_id: 'migration:UniqueActivePageExternalId' });
    await expect(sql(w, 'UPDATE pages SET external_id = $1 WHERE id = $2', ['fb-northwind.es', w.id.FR])).rejects.toMatchObject({ code: '23505' });
  });
});
