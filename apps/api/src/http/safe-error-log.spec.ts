import { stdSerializers } from 'pino';
import { QueryFailedError } from 'typeorm';
import { safeErrorLog, safeErrorMessage } from './safe-error-log';

const serialize = (error: Error) => safeErrorLog(stdSerializers.err(error)) as Record<string, unknown>;

function pgError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { severity: 'ERROR', routine: 'x', ...fields });
}

describe('safeErrorLog', () => {
  it('keeps a failed statement’s code, constraint and table, never its parameters, text or detail', () => {
    const driver = pgError('duplicate key value violates unique constraint "users_email_key"', {
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: 'Key (email)=(secret@x.example) already exists.',
    });
    const logged = serialize(new QueryFailedError('INSERT INTO users VALUES ($1, $2)', ['secret@x.example', '$argon2id$hash'], driver));
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '23505', constraint: 'users_email_key', table: 'users' });
    expect(JSON.stringify(logged)).not.toMatch(/secret@x|argon2|INSERT|Key \(email\)/);
  });

  it('redacts a value PostgreSQL quotes in its message', () => {
    const driver = pgError('invalid input syntax for type uuid: "not-a-uuid-secret"', { code: '22P02' });
    const logged = serialize(new QueryFailedError('SELECT 1', [], driver));
    expect(logged.message).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(JSON.stringify(logged)).not.toContain('not-a-uuid-secret');
  });

  it('cleans a database error nested in another error', () => {
    const driver = pgError('boom', { code: 'XX000' });
    const outer = Object.assign(new Error('wrapped'), { inner: new QueryFailedError('SELECT $1', ['hidden-value'], driver) });
    expect(JSON.stringify(serialize(outer))).not.toContain('hidden-value');
  });

  it('passes other errors as pino serialized them', () => {
    const logged = serialize(Object.assign(new Error('plain'), { status: 502 }));
    expect(logged).toMatchObject({ type: 'Error', message: 'plain', status: 502 });
  });
});

describe('safeErrorMessage', () => {
  it('gives a worker’s log line the failed statement’s message and code, without the value PostgreSQL quoted or the bound parameters', () => {
    const driver = pgError('invalid input syntax for type uuid: "tok_secret_value"', { code: '22P02' });
    const line = safeErrorMessage(new QueryFailedError('UPDATE posts SET body = $1', ['a private draft body'], driver));
    expect(line).toBe('invalid input syntax for type uuid: "[redacted]" (22P02)');
  });

  it('keeps the message of an error that is not the database’s', () => {
    expect(safeErrorMessage(new Error('Graph API answered 503'))).toBe('Graph API answered 503');
    expect(safeErrorMessage('plain')).toBe('plain');
  });
});
