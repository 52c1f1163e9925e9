import { NAME_MAX_LENGTH, validateName } from './name-limit';

describe('validateName', () => {
  it('takes a name of 1 to 120 characters, counted without its surrounding spaces', () => {
    expect(NAME_MAX_LENGTH).toBe(120);
    expect(validateName('FR replies')).toEqual([]);
    expect(validateName('x'.repeat(120))).toEqual([]);
    expect(validateName(`  ${'x'.repeat(120)}  `)).toEqual([]);
  });

  it('refuses a blank name as required, under the field it is given', () => {
    expect(validateName('')).toEqual([{ field: 'name', message: 'is required' }]);
    expect(validateName('   ', 'displayName')).toEqual([{ field: 'displayName', message: 'is required' }]);
    expect(validateName(null)).toEqual([{ field: 'name', message: 'is required' }]);
  });

  it('refuses a name of 121 characters as longer than 120', () => {
    expect(validateName('x'.repeat(121), 'handle')).toEqual([{ field: 'handle', message: 'is longer than 120 characters' }]);
  });

  it('lets an optional name be blank, but not too long', () => {
    expect(validateName(null, 'externalId', { optional: true })).toEqual([]);
    expect(validateName(' ', 'externalId', { optional: true })).toEqual([]);
    expect(validateName('x'.repeat(121), 'externalId', { optional: true })).toEqual([{ field: 'externalId', message: 'is longer than 120 characters' }]);
  });
});
