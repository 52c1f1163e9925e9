import { DEMO_ROLES } from '../../src/database/database-roles';
import { ADMIN, gql, login } from '../support/graphql';
import { startServer } from '../support/server-process';
import { createTestDatabase, startTestApp, type TestApp, type TestDatabase } from '../support/test-app';
import { AuditTable } from './audit-fixture';

/*
 * Issue 11, defect 7: the append-only trigger alone does not protect the audit log from a role
 * that owns the table or is a superuser (it may disable the trigger, switch
 * session_replication_role, drop the trigger or the table). The API connects as a role that owns
 * nothing, with SELECT and INSERT only on the log; the owner role runs the migrations.
 */
describe('the audit log against the application’s own database role', () => {
  let app: TestApp;
  let table: AuditTable;
  const owner = DEMO_ROLES.owner.name;

  beforeAll(async () => {
    app = await startTestApp();
    table = await AuditTable.open(app.databaseUrl);
    await login(app, ADMIN); // a sign-in: an entry to protect
  });
  afterAll(async () => {
    await table?.close();
    await app?.close();
  });

  it('the API connects as a role that is no superuser and owns nothing', async () => {
    const { rows } = await table.db.query(`
      SELECT current_user AS role, r.rolsuper AS super, r.rolcreaterole AS "createRole", r.rolcreatedb AS "createDb", r.rolbypassrls AS "bypassRls",
             (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned,
             (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS "ownedSchemas"
        FROM pg_roles r WHERE r.rolname = current_user`);
    expect(rows[0]).toEqual({ role: DEMO_ROLES.app.name, super: false, createRole: false, createDb: false, bypassRls: false, owned: 0, ownedSchemas: 0 });
  });

  // Each is refused with insufficient_privilege (42501); afterwards the entries are exactly as they were.
  it.each([
    ['UPDATE', `UPDATE audit_entries SET action = 'page.forged'`],
    ['DELETE', 'DELETE FROM audit_entries'],
    ['TRUNCATE', 'TRUNCATE audit_entries'],
    ['ALTER TABLE … DISABLE TRIGGER', 'ALTER TABLE audit_entries DISABLE TRIGGER "TRG_audit_entries_no_update_delete"'],
    ['ALTER TABLE … DISABLE TRIGGER ALL', 'ALTER TABLE audit_entries DISABLE TRIGGER ALL'],
    ['SET session_replication_role', 'SET session_replication_role = replica'],
    ['DROP TRIGGER', 'DROP TRIGGER "TRG_audit_entries_no_update_delete" ON audit_entries'],
    ['replacing the trigger function', `CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
    ['ALTER TABLE OWNER', `ALTER TABLE audit_entries OWNER TO ${DEMO_ROLES.app.name}`],
    ['DROP TABLE', 'DROP TABLE audit_entries'],
    ['ALTER TABLE RENAME', 'ALTER TABLE audit_entries RENAME TO audit_entries_old'],
    ['CREATE TABLE on public (a look-alike to swap in)', 'CREATE TABLE public.audit_entries_copy (id uuid)'],
    ['CREATE SCHEMA (to shadow the table on the search path)', 'CREATE SCHEMA shadow'],
    ['CREATE TABLE in pg-boss’s schema', 'CREATE TABLE pgboss.anything (id int)'],
    ['SET ROLE to the owner', `SET ROLE ${owner}`],
    ['GRANT the owner role to itself', `GRANT ${owner} TO ${DEMO_ROLES.app.name}`],
    ['ALTER ROLE … SUPERUSER', `ALTER ROLE ${DEMO_ROLES.app.name} SUPERUSER`],
  ])('%s is refused and the log stays as it was', async (_bypass, sql) => {
    const before = await table.where('TRUE');
    expect(before.length).toBeGreaterThan(0);
    await expect(table.db.query(sql)).rejects.toMatchObject({ code: '42501' });
    // Had the step passed, this would rewrite history; it must still be refused.
    await expect(table.db.query(`UPDATE audit_entries SET action = 'page.forged'`)).rejects.toMatchObject({ code: '42501' });
    expect(await table.where('TRUE')).toEqual(before);
  });

  it('the app still writes and reads its audit log: a sign-in is stored and listed, and the role may INSERT and SELECT', async () => {
    const query = `{ auditEntries(filter: { action: "user.sign_in" }) { totalCount } }`;
    const admin = await login(app, ADMIN);
    const before = (await gql(app, query, {}, admin)).data!.auditEntries.totalCount as number;
    await login(app, ADMIN);
    expect((await gql(app, query, {}, admin)).data!.auditEntries.totalCount).toBe(before + 1);

    const { rows } = await table.db.query(
      `INSERT INTO audit_entries (id, action, subject_type, subject_id, scope_ids) VALUES (gen_random_uuid(), 'test.direct', 'Test', gen_random_uuid(), '{}') RETURNING id`,
    );
    expect(await table.where('id = $1', [rows[0].id])).toHaveLength(1);
  });
});

describe('the boot warning when the audit log is not protected', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const WARNING = 'The audit log is not protected';

  it('as the owner role (MIGRATION_DATABASE_URL unset, DATABASE_URL the owner’s), the API warns at boot', async () => {
    const server = await startServer({ DATABASE_URL: db.ownerUrl });
    server.child.kill('SIGTERM');
    await server.exited;
    const line = server.stdout().split('\n').find((l) => l.includes(WARNING));
    expect(JSON.parse(line!)).toMatchObject({ level: 40 });
  });

  it('as the application role with the owner for migrations, it does not', async () => {
    const server = await startServer({ DATABASE_URL: db.url, MIGRATION_DATABASE_URL: db.ownerUrl });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).not.toContain(WARNING);
  });
});
