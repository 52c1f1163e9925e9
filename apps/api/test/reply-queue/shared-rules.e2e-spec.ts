import { NAME_MAX_LENGTH, validateCannedResponse, validateReplyQueue } from '@pivot/domain';
import { as, must } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { uid } from './inbound-fixture';
import { BUSINESS_HOURS, CREATE_QUEUE, loadQueueWorld, queueInput, type QueueWorld } from './queue-world';

const UPDATE_QUEUE = `mutation($id: ID!, $input: UpdateReplyQueueInput!) { updateReplyQueue(id: $id, input: $input) { id } }`;
const CREATE_CANNED = `mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }`;
const CREATE_RULE = `mutation($input: CreateRoutingRuleInput!) { createRoutingRule(input: $input) { id } }`;

type Result = Awaited<ReturnType<typeof as>>;
const fieldsOf = (result: Result) => (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((problem) => problem.field);
const hoursOfInput = { timeZone: BUSINESS_HOURS.timeZone, days: Object.fromEntries(BUSINESS_HOURS.days.map((day) => [day.day, day.intervals])), holidays: BUSINESS_HOURS.holidays };

/**
 * Issue 16: the API and the admin's forms check queues, canned responses and names with the same
 * domain functions, so the API refuses exactly under the fields the domain names.
 */
describe('rules stated once in the domain, as the API applies them', () => {
  let w: QueueWorld;
  const long = 'x'.repeat(NAME_MAX_LENGTH + 1);

  beforeAll(async () => {
    w = await loadQueueWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  it('a queue name of 120 characters is taken, 121 is BAD_USER_INPUT on name, as validateReplyQueue says', async () => {
    const fits = `${uid('q')}-`.padEnd(NAME_MAX_LENGTH, 'x');
    must(await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.FR, { name: fits }) }));
    const refused = await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.FR, { name: long, firstResponseMinutes: 0 }) });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const domain = validateReplyQueue({ name: long, firstResponseMinutes: 0, nextResponseMinutes: 120, businessHours: hoursOfInput, breachEscalation: 'FLAG', breachQueueId: null });
    expect(fieldsOf(refused)).toEqual(domain.map((issue) => issue.field));
    expect(fieldsOf(refused)).toEqual(['name', 'firstResponseMinutes']);
  });

  it('escalating breaches to a queue needs one, and not the queue itself: BAD_USER_INPUT on breachQueueId', async () => {
    const created = must(await as(w, 'FR_MANAGER', CREATE_QUEUE, { input: queueInput(w.id.FR) })).createReplyQueue;
    const missing = await as(w, 'FR_MANAGER', UPDATE_QUEUE, { id: created.id, input: { breachEscalation: 'QUEUE' } });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(missing)).toEqual(['breachQueueId']);
    const itself = await as(w, 'FR_MANAGER', UPDATE_QUEUE, { id: created.id, input: { breachEscalation: 'QUEUE', breachQueueId: created.id } });
    expect(errorCode(itself)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(itself)).toEqual(['breachQueueId']);
    must(await as(w, 'FR_MANAGER', UPDATE_QUEUE, { id: created.id, input: { breachEscalation: 'QUEUE', breachQueueId: w.queue.FR } }));
  });

  it('a canned response with a 121-character name and a body past a reply is BAD_USER_INPUT under the fields validateCannedResponse names', async () => {
    const input = { name: long, variants: [{ language: 'fr', body: 'x'.repeat(8001) }] };
    const refused = await as(w, 'FR_MANAGER', CREATE_CANNED, { input: { ...input, scopePageId: w.id.FR } });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(refused)).toEqual(validateCannedResponse(input).map((issue) => issue.field));
    expect(fieldsOf(refused)).toEqual(['name', 'variants.0']);
  });

  it('a routing rule name of 121 characters is BAD_USER_INPUT on name', async () => {
    const refused = await as(w, 'FR_MANAGER', CREATE_RULE, { input: { name: long, scopePageId: w.id.FR, queueId: w.queue.FR } });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(refused)).toEqual(['name']);
  });
});
