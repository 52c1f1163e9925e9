import { POST_STATES, type PostState } from './post-state';
import { globalChanged, marketRollout, rolloutStateOf, textDiff, type DiffSegment, type RolloutState } from './rollout';

/** What joining a diff's segments gives back on each side. */
const sides = (diff: DiffSegment[]) => ({
  before: diff.filter((segment) => segment.op !== 'insert').map((segment) => segment.text).join(''),
  after: diff.filter((segment) => segment.op !== 'delete').map((segment) => segment.text).join(''),
});

describe('rolloutStateOf', () => {
  it('shows a market without a localized child as not started', () => {
    expect(rolloutStateOf(null)).toBe('NOT_STARTED');
  });

  it.each<[PostState, RolloutState]>([
    ['DRAFT', 'LOCALIZING'],
    ['CHANGES_REQUESTED', 'LOCALIZING'],
    ['IN_REVIEW', 'IN_REVIEW'],
    ['APPROVED', 'APPROVED'],
    ['SCHEDULED', 'SCHEDULED'],
    ['PUBLISHED', 'PUBLISHED'],
    ['FAILED', 'FAILED'],
    ['REJECTED', 'NOT_STARTED'],
    ['ARCHIVED', 'NOT_STARTED'],
  ])('puts a %s child in the %s column', (state, column) => {
    expect(rolloutStateOf({ state })).toBe(column);
  });

  it('has a column for every post state', () => {
    for (const state of POST_STATES) expect(rolloutStateOf({ state })).toEqual(expect.any(String));
  });
});

describe('globalChanged', () => {
  it.each<[number | null, number, boolean]>([
    [null, 3, false],
    [3, 3, false],
    [3, 4, true],
    [5, 4, false],
  ])('localized at %p, parent now at %p: %p', (localized, current, expected) => {
    expect(globalChanged(localized, current)).toBe(expected);
  });
});

describe('textDiff', () => {
  it('gives one equal segment for identical texts, and none for two empty ones', () => {
    expect(textDiff('Spring is here', 'Spring is here')).toEqual([{ op: 'equal', text: 'Spring is here' }]);
    expect(textDiff('', '')).toEqual([]);
  });

  it('shows a replaced word as a deletion then an insertion', () => {
    expect(textDiff('Spring sale starts Monday', 'Spring sale starts Friday')).toEqual([
      { op: 'equal', text: 'Spring sale starts ' },
      { op: 'delete', text: 'Monday' },
      { op: 'insert', text: 'Friday' },
    ]);
  });

  it('shows added and removed words where they are', () => {
    expect(textDiff('Our new phone is here', 'Our phone is finally here!')).toEqual([
      { op: 'equal', text: 'Our ' },
      { op: 'delete', text: 'new ' },
      { op: 'equal', text: 'phone is ' },
      { op: 'delete', text: 'here' },
      { op: 'insert', text: 'finally here!' },
    ]);
  });

  it('handles one side empty', () => {
    expect(textDiff('', 'Hello world')).toEqual([{ op: 'insert', text: 'Hello world' }]);
    expect(textDiff('Hello world', '')).toEqual([{ op: 'delete', text: 'Hello world' }]);
  });

  it.each([
    ['Le printemps est là 🌸 #Northwind', 'Le printemps arrive 🌸🌸 #Northwind\nÀ bientôt'],
    ['a b c d e f', 'f e d c b a'],
    ['  leading and trailing  ', 'leading\tand trailing'],
  ])('rebuilds both texts exactly from the segments (%j → %j)', (before, after) => {
    expect(sides(textDiff(before, after))).toEqual({ before, after });
  });

  it('keeps the common words of a reordering', () => {
    const diff = textDiff('one two three', 'three one two');
    expect(diff.filter((segment) => segment.op === 'equal').map((segment) => segment.text).join('')).toBe('one two');
  });

  it('falls back to a whole replacement for texts too long to compare word by word', () => {
    const before = 'a '.repeat(2500);
    const after = 'b '.repeat(2500);
    const diff = textDiff(before, after);
    expect(diff.map((segment) => segment.op)).toEqual(['delete', 'insert']);
    expect(sides(diff)).toEqual({ before, after });
  });
});

describe('marketRollout', () => {
  const parent = { version: 4, body: 'Spring sale starts Friday' };

  it('shows a market that localized an older version of the global post as changed, with the diff', () => {
    expect(marketRollout({ state: 'SCHEDULED', parentVersionLocalized: 3 }, parent, 'Spring sale starts Monday')).toEqual({
      state: 'SCHEDULED',
      globalChanged: true,
      diff: [
        { op: 'equal', text: 'Spring sale starts ' },
        { op: 'delete', text: 'Monday' },
        { op: 'insert', text: 'Friday' },
      ],
    });
  });

  it('shows an up-to-date market as unchanged', () => {
    expect(marketRollout({ state: 'PUBLISHED', parentVersionLocalized: 4 }, parent, parent.body)).toEqual({ state: 'PUBLISHED', globalChanged: false, diff: null });
  });

  it('shows a market that has not started as unchanged', () => {
    expect(marketRollout(null, parent, null)).toEqual({ state: 'NOT_STARTED', globalChanged: false, diff: null });
  });
});
