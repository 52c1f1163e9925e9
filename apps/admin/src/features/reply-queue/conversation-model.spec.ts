import { abilityFromPackedRules, defineAbilityFor, packRules, type Grant } from '@pivot/domain';
import { countOf, followClaim, holdersOf, movedIndex, oldestWaiting, pageFilterOptions, receiveConversation, waitedFor, type ConversationNode, type ScopedPage } from './conversation-model';

const conversation = (id: string, overrides: Partial<ConversationNode> = {}): ConversationNode => ({
  id,
  network: 'facebook',
  brandId: 'b',
  pageId: 'fr',
  threadId: `post-${id}`,
  authorId: `author-${id}`,
  authorName: null,
  state: 'OPEN',
  queueId: null,
  itemCount: 1,
  firstItemAt: '2026-12-01T08:00:00.000Z',
  lastItemAt: '2026-12-01T08:00:00.000Z',
  assigneeId: null,
  leaseExpiresAt: null,
  language: null,
  priority: 'NORMAL',
  tags: [],
  snoozedUntil: null,
  escalatedToManager: false,
  responseDueAt: null,
  ...overrides,
});
const edges = (...ids: string[]) => ids.map((id) => ({ cursor: `c-${id}`, node: conversation(id) }));
const ids = (list: { node: { id: string } }[]) => list.map((edge) => edge.node.id);

describe('holdersOf', () => {
  it('names the holder of each lease that holds now, and nobody for a lapsed lease or an unclaimed conversation', () => {
    const now = Date.parse('2026-12-01T10:00:00.000Z');
    const held = conversation('h', { state: 'ASSIGNED', assigneeId: 'u1', leaseExpiresAt: '2026-12-01T10:05:00.000Z' });
    const stranger = conversation('s', { state: 'ASSIGNED', assigneeId: 'u9', leaseExpiresAt: '2026-12-01T10:05:00.000Z' });
    const lapsed = conversation('l', { state: 'ASSIGNED', assigneeId: 'u1', leaseExpiresAt: '2026-12-01T09:59:59.000Z' });
    const holders = holdersOf([held, stranger, lapsed, conversation('o')], new Map([['u1', 'Margot Moderator']]), now);
    expect([...holders]).toEqual([
      ['h', 'Held by Margot Moderator'],
      ['s', 'Held by another moderator'],
    ]);
  });
});

describe('followClaim', () => {
  const at = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const dated = (...list: [string, number][]) => list.map(([id, hour]) => ({ cursor: `c-${id}`, node: conversation(id, { lastItemAt: at(hour) }) }));

  it('drops a conversation claimed by someone from a list of open ones, and keeps it (same array) in a list of every state', () => {
    const list = dated(['a', 10], ['b', 9]);
    expect(ids(followClaim(list, conversation('a', { state: 'ASSIGNED', lastItemAt: at(10) }), ['OPEN'], false))).toEqual(['b']);
    expect(followClaim(list, conversation('a', { state: 'ASSIGNED', lastItemAt: at(10) }), [], false)).toBe(list);
  });

  it('puts a released conversation back where its latest activity places it, not past the pages loaded', () => {
    const list = dated(['a', 10], ['c', 8]);
    expect(ids(followClaim(list, conversation('b', { lastItemAt: at(9) }), ['OPEN'], false))).toEqual(['a', 'b', 'c']);
    expect(ids(followClaim(list, conversation('z', { lastItemAt: at(7) }), ['OPEN'], false))).toEqual(['a', 'c', 'z']);
    expect(followClaim(list, conversation('z', { lastItemAt: at(7) }), ['OPEN'], true)).toBe(list);
  });

  it('leaves the list alone for a change the filter does not show and that is not in it', () => {
    const list = dated(['a', 10]);
    expect(followClaim(list, conversation('x', { state: 'RESOLVED' }), ['OPEN'], false)).toBe(list);
  });
});

describe('receiveConversation', () => {
  it('puts a new conversation first', () => {
    expect(ids(receiveConversation(edges('a', 'b'), conversation('n'), []))).toEqual(['n', 'a', 'b']);
  });

  it('moves a conversation with a new item to the top with its new count, without its old cursor (no two edges share one)', () => {
    const result = receiveConversation(edges('a', 'b', 'c'), conversation('b', { itemCount: 2 }), []);
    expect(ids(result)).toEqual(['b', 'a', 'c']);
    expect(result[0]).toMatchObject({ cursor: '', node: { itemCount: 2 } });
    expect(result.map((edge) => edge.cursor)).toEqual(['', 'c-a', 'c-c']);
    expect(receiveConversation([], conversation('n'), [])[0]).toMatchObject({ __typename: 'ConversationEdge', node: { id: 'n' } });
  });

  it('leaves out a conversation whose state the list does not show, and drops one that left the filter', () => {
    const list = edges('a', 'b');
    expect(receiveConversation(list, conversation('n', { state: 'RESOLVED' }), ['OPEN'])).toBe(list);
    expect(ids(receiveConversation(list, conversation('b', { state: 'RESOLVED' }), ['OPEN']))).toEqual(['a']);
    expect(ids(receiveConversation(list, conversation('n', { state: 'RESOLVED' }), ['OPEN', 'RESOLVED']))).toEqual(['n', 'a', 'b']);
  });
});

describe('counts and waiting', () => {
  const counts = { OPEN: 3, ASSIGNED: 1, WAITING_CUSTOMER: 0, SNOOZED: 2, ESCALATED: 0, RESOLVED: 5 };

  it('adds up the states the filter picks, every state when none is picked', () => {
    expect(countOf(counts, ['OPEN', 'SNOOZED'])).toBe(5);
    expect(countOf(counts, [])).toBe(11);
  });

  it('finds the open conversation whose first item is oldest, none in an empty queue', () => {
    const list = [conversation('a', { firstItemAt: '2026-12-01T08:00:00Z' }), conversation('b', { firstItemAt: '2026-11-30T22:00:00Z' })];
    expect(oldestWaiting(list)?.id).toBe('b');
    expect(oldestWaiting([])).toBeNull();
  });

  it('says how long in minutes, hours or days', () => {
    const now = Date.parse('2026-12-02T10:05:00Z');
    expect(waitedFor('2026-12-02T10:02:30Z', now)).toBe('2 min');
    expect(waitedFor('2026-12-02T08:00:00Z', now)).toBe('2 h 5 min');
    expect(waitedFor('2026-11-28T07:00:00Z', now)).toBe('4 d 3 h');
  });
});

describe('movedIndex', () => {
  it('moves down with j and up with k, staying inside the list', () => {
    expect(movedIndex(-1, 'j', 3)).toBe(0);
    expect(movedIndex(2, 'j', 3)).toBe(2);
    expect(movedIndex(2, 'k', 3)).toBe(1);
    expect(movedIndex(0, 'k', 3)).toBe(0);
    expect(movedIndex(0, 'x', 3)).toBeNull();
    expect(movedIndex(-1, 'j', 0)).toBeNull();
  });
});

describe('pageFilterOptions', () => {
  const page = (id: string, scopeIds: string[], kind: ScopedPage['kind'], status = 'ACTIVE'): ScopedPage => ({ id, brandId: 'b', scopeIds, kind, name: id, status });
  const pages = [
    page('g', ['g'], 'GLOBAL'),
    page('emea', ['g', 'emea'], 'REGION'),
    page('fr', ['g', 'emea', 'fr'], 'MARKET'),
    page('fr-consumer', ['g', 'emea', 'fr', 'fr-consumer'], 'SEGMENT'),
    page('es', ['g', 'emea', 'es'], 'MARKET'),
    page('old', ['g', 'emea', 'old'], 'MARKET', 'ARCHIVED'),
  ];
  const abilityOf = (grant: Grant) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId: 'me', grants: [grant] }).rules)));

  it("offers FR's moderator FR only, and the brand admin every active page but segments", () => {
    const moderator = abilityOf({ role: 'MODERATOR', brandId: 'b', scopePageId: 'fr', scopeIds: ['g', 'emea', 'fr'] });
    expect(pageFilterOptions(pages, moderator).map((option) => option.value)).toEqual(['fr']);
    const admin = abilityOf({ role: 'BRAND_ADMIN', brandId: 'b', scopePageId: 'g', scopeIds: ['g'] });
    expect(pageFilterOptions(pages, admin).map((option) => option.value)).toEqual(['g', 'emea', 'fr', 'es']);
  });
});
