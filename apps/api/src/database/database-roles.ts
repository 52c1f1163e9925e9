import { Client, escapeIdentifier, escapeLiteral } from 'pg';

/**
 * Two database roles (DESIGN §7, the audit log): the owner, who runs migrations and owns every
 * table, and the application's role, which owns nothing and gets only DML, so that even the
 * API's own connection cannot disable the audit log's trigger, switch
 * `session_replication_role`, drop or take over the table.
 */
export interface DatabaseRole {
  name: string;
  password: string;
}

/** The roles `npm start` (embedded PostgreSQL, loopback only) and the test suite create. */
export const DEMO_ROLES = {
  owner: { name: 'pivot_owner', password: 'pivot-owner' },
  app: { name: 'pivot_app', password: 'pivot-app' },
} as const satisfies Record<string, DatabaseRole>;

/** As a superuser: creates the roles that do not exist yet, and makes sure they hold no privilege beyond LOGIN. */
export async function ensureRoles(adminUrl: string, roles: DatabaseRole[]): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const role of roles) {
      const name = escapeIdentifier(role.name);
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
        if (!rowCount) await client.query(`CREATE ROLE ${name} LOGIN`);
      } catch (error) {
        // Two test runs on one shared server may create it at once.
        if (!isDuplicateRole(error)) throw error;
      }
      await client.query(`ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${escapeLiteral(role.password)}`);
    }
  } finally {
    await client.end();
  }
}

function isDuplicateRole(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42710' || code === '23505';
}

/** The URL of `database` on the server of `url`, signed in as `role`. */
export function urlFor(url: string, database: string, role?: DatabaseRole): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  if (role) {
    next.username = encodeURIComponent(role.name);
    next.password = encodeURIComponent(role.password);
  }
  return next.toString();
}

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Run by the owner after every migrate (idempotent): what the application's role may do. DML on
 * our tables and pg-boss's, but on the audit log only SELECT and INSERT; no CREATE anywhere; and
 * default privileges, so tables the owner creates later (a migration, a pg-boss queue's
 * partition) are covered without another grant. A step rather than a migration file: the
 * role's name is configuration (DATABASE_URL), which a migration cannot take, and a renamed
 * role or a restored dump gets its grants back at the next boot.
 */
export async function grantAppRole(db: Queryable, appRole: string, schemas: string[]): Promise<void> {
  const app = escapeIdentifier(appRole);
  // PostgreSQL ≥ 15 already withholds CREATE on public; older clusters and upgraded ones may not.
  await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  for (const schema of schemas.map(escapeIdentifier)) {
    await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
    await db.query(`REVOKE CREATE ON SCHEMA ${schema} FROM ${app}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
  }
  // Append-only, for the application too; the trigger stays as a second guard (against the owner).
  await db.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.audit_entries FROM ${app}`);
  // Which migrations ran is the owner's record.
  await db.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.migrations FROM ${app}`);
}

/**
 * True when the connection's role can get past the audit log's protection: a superuser, or a
 * member of the role owning the table (who may disable its trigger or drop it).
 */
export async function auditLogUnprotected(db: { query(sql: string): Promise<Array<{ unprotected: boolean }>> }): Promise<boolean> {
  const [row] = await db.query(`
    SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'USAGE') AS unprotected
      FROM pg_roles r, pg_class c
     WHERE r.rolname = current_user AND c.oid = 'public.audit_entries'::regclass`);
  return row?.unprotected ?? true;
}
