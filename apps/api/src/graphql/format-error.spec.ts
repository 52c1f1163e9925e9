import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors/app-error';
import { formatGraphqlError } from './format-error';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['page'] });

describe('formatGraphqlError', () => {
  it('keeps a domain error’s code, message and details', () => {
    const reported: unknown[] = [];
    const format = formatGraphqlError((e) => reported.push(e));
    const error = wrap(AppError.invalidFields([{ field: 'country', message: 'is not a country' }]));
    expect(format(error.toJSON(), error)).toEqual({
      message: 'country: is not a country',
      path: ['page'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'country', message: 'is not a country' }] },
    });
    expect(reported).toEqual([]);
  });

  it('hides a database error behind INTERNAL_SERVER_ERROR and reports it to the log', () => {
    const reported: unknown[] = [];
    const format = formatGraphqlError((e) => reported.push(e));
    const sqlError = new QueryFailedError('SELECT * FROM "pages" WHERE id = $1', ['x'], new Error('invalid input syntax for type uuid'));
    const error = wrap(sqlError);
    const formatted = format({ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['page'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|pages|uuid|stacktrace/);
    expect(reported).toEqual([sqlError]);
  });

  it('passes Apollo’s own request errors through with their code and nothing else', () => {
    const format = formatGraphqlError(() => undefined);
    const formatted = format({ message: 'Syntax Error: Unexpected <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['at parse'] } }, new Error('x'));
    expect(formatted).toEqual({ message: 'Syntax Error: Unexpected <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('answers graphql-js’s "too many errors processing variables" as BAD_USER_INPUT, not an internal error', () => {
    const reported: unknown[] = [];
    const format = formatGraphqlError((e) => reported.push(e));
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(format({ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(reported).toEqual([]);
  });
});
