import { globalChangeOf } from './global-change';

describe('globalChangeOf', () => {
  const child = { parentVersionLocalized: 2, localizedParentBody: 'Hello spring #northwind' };

  it('is unchanged while the parent is at the localized version', () => {
    expect(globalChangeOf(child, { version: 2, body: 'Hello spring #northwind' })).toEqual({ globalChanged: false, diff: null });
  });

  it('is unchanged when the parent only moved state (version up, same body)', () => {
    expect(globalChangeOf(child, { version: 5, body: 'Hello spring #northwind' })).toEqual({ globalChanged: false, diff: null });
  });

  it('flags a new body with the word diff then → now', () => {
    expect(globalChangeOf(child, { version: 3, body: 'Hello summer #northwind' })).toEqual({
      globalChanged: true,
      diff: [
        { op: 'equal', text: 'Hello ' },
        { op: 'delete', text: 'spring' },
        { op: 'insert', text: 'summer' },
        { op: 'equal', text: ' #northwind' },
      ],
    });
  });

  it('is unchanged for a post that is no cascade child, or whose parent is gone', () => {
    expect(globalChangeOf({ parentVersionLocalized: null, localizedParentBody: null }, { version: 9, body: 'x' }).globalChanged).toBe(false);
    expect(globalChangeOf(child, null).globalChanged).toBe(false);
  });
});
