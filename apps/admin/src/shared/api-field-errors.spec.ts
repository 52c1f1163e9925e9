import { CombinedGraphQLErrors } from '@apollo/client';
import { apiErrorsOf } from './api-field-errors';

describe('apiErrorsOf', () => {
  it('puts BAD_USER_INPUT extensions.fields next to their fields', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'website: must be an http(s) URL', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'website', message: 'must be an http(s) URL' }] } }],
    });
    expect(apiErrorsOf(error)).toEqual({ fields: { website: ['must be an http(s) URL'] }, general: null });
  });

  it('turns a CONFLICT into one form-level message asking for a reload', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'The page changed since you opened it', extensions: { code: 'CONFLICT' } }] });
    expect(apiErrorsOf(error).general).toMatch(/^The page changed since you opened it Reload/);
  });

  it('says the API cannot be reached for a network failure', () => {
    expect(apiErrorsOf(new TypeError('Failed to fetch'))).toEqual({ fields: {}, general: 'The API cannot be reached. Try again.' });
  });
});
