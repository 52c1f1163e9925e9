import { createMongoAbility } from '@casl/ability';
import { packRules, unpackRules, type Action, type PivotAbility } from './index';
import {
  ABILITIES,
  ACTORS,
  EVERYONE,
  READ_ONLY_ROLES,
  type Row,
  type What,
  check,
  except,
  forEach,
  on,
  page,
  rule,
} from '../testing/ability-table';

/*
 * Reply queues: conversations, inbound items, queues, routing rules, canned responses and working
 * conversations — role × action × subject (DESIGN §4), on the fixture world of testing/ability-table.ts.
 */
const CONVERSATIONS: What[] = ['a conversation at FR-dev', 'a conversation at FR', 'a conversation at ES', 'a conversation at G', 'a conversation at X2'];
const ITEMS: What[] = ['an inbound item at FR-dev', 'an inbound item at FR', 'an inbound item at ES', 'an inbound item at G', 'an inbound item at X2'];
const REPLIES_TABLE: Row[] = [
  ...rule('PLATFORM_ADMIN', 'read', [...CONVERSATIONS, ...ITEMS], []),
  ...rule('PLATFORM_ADMIN', 'import', ITEMS, []),
  ...rule('BRAND_ADMIN@G', 'read', except([...CONVERSATIONS, ...ITEMS], ['a conversation at X2', 'an inbound item at X2']), ['a conversation at X2', 'an inbound item at X2']),
  ...rule('BRAND_ADMIN@G', 'import', except(ITEMS, ['an inbound item at X2']), ['an inbound item at X2']),
  // Under the scope only: a market sees nothing of its neighbours, nor of the global page above it.
  ...forEach(['MARKET_MANAGER@FR', 'MODERATOR@FR', 'ANALYST@EMEA'], 'read', ['a conversation at FR-dev', 'a conversation at FR', 'an inbound item at FR'], ['a conversation at G', 'a conversation at X2', 'an inbound item at G']),
  ...rule('MARKET_MANAGER@FR', 'read', [], ['a conversation at ES', 'an inbound item at ES']),
  ...rule('MODERATOR@FR', 'read', [], ['a conversation at ES']),
  ...rule('ANALYST@EMEA', 'read', ['a conversation at ES'], []),
  ...rule('MARKET_MANAGER@FR', 'import', ['an inbound item at FR-dev', 'an inbound item at FR'], ['an inbound item at ES', 'an inbound item at G', 'an inbound item at X2']),
  ...forEach(READ_ONLY_ROLES, 'import', [], ['an inbound item at FR-dev', 'an inbound item at FR']),
  // Items for pages no brand registered belong to no brand: the platform's alone, not every brand admin's.
  ...rule('PLATFORM_ADMIN', 'read', ['an unmatched inbound item'], []),
  ...forEach(EVERYONE.filter((who) => who !== 'PLATFORM_ADMIN'), 'read', [], ['an unmatched inbound item']),
  // Publishers draft posts; the reply queues are not theirs to read.
  ...rule('PUBLISHER@FR', 'read', [], ['a conversation at FR', 'an inbound item at FR']),
];

type Scope = 'FR-dev' | 'FR' | 'ES' | 'EMEA' | 'G' | 'X2';
const setupAt = (...scopes: Scope[]): What[] => scopes.flatMap((scope) => [`a queue at ${scope}`, `a routing rule at ${scope}`, `a canned response at ${scope}`] as What[]);
const queuesAt = (...scopes: Scope[]): What[] => scopes.map((scope) => `a queue at ${scope}` as What);
const cannedAt = (...scopes: Scope[]): What[] => scopes.map((scope) => `a canned response at ${scope}` as What);
const rulesAt = (...scopes: Scope[]): What[] => scopes.map((scope) => `a routing rule at ${scope}` as What);
const conversationsAt = (...scopes: Scope[]): What[] => scopes.map((scope) => `a conversation at ${scope}` as What);
const SETUP_WRITES: Action[] = ['create', 'update', 'delete'];

const REPLY_SETUP_TABLE: Row[] = [
  ...SETUP_WRITES.flatMap((action) => rule('PLATFORM_ADMIN', action, setupAt('FR', 'G', 'X2'), [])),
  // DESIGN §4: the brand admin manages the brand's queues and rules; the market manager those under its market.
  ...SETUP_WRITES.flatMap((action) => rule('BRAND_ADMIN@G', action, setupAt('FR-dev', 'FR', 'ES', 'G'), setupAt('X2'))),
  ...SETUP_WRITES.flatMap((action) => rule('MARKET_MANAGER@FR', action, setupAt('FR-dev', 'FR'), setupAt('ES', 'G', 'X2'))),
  ...SETUP_WRITES.flatMap((action) => forEach(READ_ONLY_ROLES, action, [], setupAt('FR', 'FR-dev'))),
  // Reads flow up the trail (issue 20): the rules and canned responses of EMEA and the global page
  // route and answer FR's conversations; the queues above FR stay out, and so does everything beside it.
  ...forEach(['MARKET_MANAGER@FR', 'MODERATOR@FR'], 'read', [...setupAt('FR-dev', 'FR'), ...rulesAt('EMEA', 'G'), ...cannedAt('EMEA', 'G')], [...setupAt('ES', 'X2'), ...queuesAt('EMEA', 'G')]),
  // The trail's are read, never changed, by the market.
  ...SETUP_WRITES.flatMap((action) => rule('MARKET_MANAGER@FR', action, [], [...rulesAt('EMEA', 'G'), ...cannedAt('EMEA', 'G')])),
  ...rule('ANALYST@EMEA', 'read', [...setupAt('FR', 'ES', 'EMEA'), ...rulesAt('G'), ...cannedAt('G')], [...queuesAt('G'), ...setupAt('X2')]),
  ...rule('PUBLISHER@FR', 'read', [], setupAt('FR')),
  // Working conversations: claim, reply, escalate, resolve.
  ...rule('PLATFORM_ADMIN', 'work', conversationsAt('FR', 'X2'), []),
  ...rule('BRAND_ADMIN@G', 'work', conversationsAt('FR', 'ES', 'G'), conversationsAt('X2')),
  ...forEach(['MARKET_MANAGER@FR', 'MODERATOR@FR'], 'work', conversationsAt('FR', 'FR-dev'), conversationsAt('ES', 'G', 'X2')),
  ...forEach(['ANALYST@EMEA', 'PUBLISHER@FR'], 'work', [], conversationsAt('FR', 'ES')),
];

const TABLES = {
  'Conversation, InboundItem and UnmatchedInboundItem': REPLIES_TABLE,
  'ReplyQueue, RoutingRule, CannedResponse and working conversations': REPLY_SETUP_TABLE,
};

describe('defineAbilityFor: reply queues, role × action × subject', () => {
  describe.each(Object.entries(TABLES))('%s', (_title, rows) => {
    it.each(rows)('$name', (row) => {
      expect(check(ABILITIES[row.who], ACTORS[row.who], row)).toBe(row.may);
    });
  });
});

describe('packRules / unpackRules on the reply-queue rows', () => {
  it.each(EVERYONE)('gives the browser the same answers as the server for %s', (who) => {
    const server = ABILITIES[who];
    const browser: PivotAbility = createMongoAbility(unpackRules(JSON.parse(JSON.stringify(packRules(server.rules)))));
    const rows = Object.values(TABLES).flat();
    const answers = (ability: PivotAbility) => rows.map((row) => `${row.action} ${row.what} ${row.field ?? ''}: ${check(ability, ACTORS[who], row)}`);
    expect(answers(browser)).toEqual(answers(server));
  });
});
