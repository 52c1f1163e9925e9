import { BRAND_WIDE, byUrgency, groupByMarket, overviewTotals, receiveOverviewRow, urgencyOf, waitingAge, type OverviewRow } from './queue-overview-model';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

let serial = 0;
function row(overrides: Partial<OverviewRow> = {}): OverviewRow {
  serial += 1;
  return {
    queueId: `q${serial}`,
    queueName: `Queue ${serial}`,
    brandId: 'b',
    scopePageId: 'p',
    marketPageId: 'fr',
    marketName: 'Northwind France',
    counts: { open: 0, assigned: 0, waitingCustomer: 0, snoozed: 0, escalated: 0, resolved: 0 },
    waiting: 0,
    oldestWaitingAt: null,
    slaAtRisk: 0,
    slaBreached: 0,
    ...overrides,
  };
}

describe('byUrgency', () => {
  it('puts breached first, then at risk, then the longest wait, and a queue with nothing waiting last', () => {
    const idle = row({ queueName: 'A idle' });
    const waitedLong = row({ oldestWaitingAt: minutesAgo(90) });
    const waitedShort = row({ oldestWaitingAt: minutesAgo(5) });
    const atRisk = row({ slaAtRisk: 1, oldestWaitingAt: minutesAgo(1) });
    const breached = row({ slaBreached: 1 });
    const moreBreached = row({ slaBreached: 3 });
    expect([idle, waitedShort, atRisk, waitedLong, breached, moreBreached].sort(byUrgency)).toEqual([moreBreached, breached, atRisk, waitedLong, waitedShort, idle]);
  });

  it('orders equal rows by name, so a refresh does not reshuffle them', () => {
    const b = row({ queueName: 'B' });
    const a = row({ queueName: 'A' });
    expect([b, a].sort(byUrgency)).toEqual([a, b]);
  });
});

describe('groupByMarket', () => {
  it("groups by market with brand-wide queues in their own group, each group sorted, groups by their most urgent queue", () => {
    const frCalm = row({ marketPageId: 'fr', marketName: 'Northwind France' });
    const frBreached = row({ marketPageId: 'fr', marketName: 'Northwind France', slaBreached: 2 });
    const es = row({ marketPageId: 'es', marketName: 'Northwind España', slaAtRisk: 1 });
    const global = row({ marketPageId: null, marketName: null, oldestWaitingAt: minutesAgo(3) });
    const groups = groupByMarket([frCalm, global, es, frBreached]);
    expect(groups.map((group) => group.label)).toEqual(['Northwind France', 'Northwind España', BRAND_WIDE]);
    expect(groups[0]!.rows).toEqual([frBreached, frCalm]);
    expect(groups[2]).toMatchObject({ marketPageId: null, rows: [global] });
  });

  it('answers no group for no queue', () => {
    expect(groupByMarket([])).toEqual([]);
  });
});

describe('waitingAge', () => {
  it('says how long ago, in minutes, hours and days, and a dash when nothing waits', () => {
    expect(waitingAge(minutesAgo(0.5), NOW)).toBe('just now');
    expect(waitingAge(minutesAgo(12), NOW)).toBe('12 min ago');
    expect(waitingAge(minutesAgo(125), NOW)).toBe('2 h 5 min ago');
    expect(waitingAge(minutesAgo(60 * 24 * 2 + 60 * 3), NOW)).toBe('2 d 3 h ago');
    expect(waitingAge(null, NOW)).toBe('—');
  });
});

describe('overviewTotals', () => {
  it('adds up queues, waiting, breached and at risk', () => {
    expect(overviewTotals([row({ waiting: 2, slaBreached: 1 }), row({ waiting: 3, slaAtRisk: 2 })])).toEqual({ queues: 2, waiting: 5, breached: 1, atRisk: 2 });
    expect(overviewTotals([])).toEqual({ queues: 0, waiting: 0, breached: 0, atRisk: 0 });
  });
});

describe('urgencyOf', () => {
  it('is breached over at risk over ok', () => {
    expect(urgencyOf({ slaBreached: 1, slaAtRisk: 4 })).toBe('breached');
    expect(urgencyOf({ slaBreached: 0, slaAtRisk: 1 })).toBe('at-risk');
    expect(urgencyOf({ slaBreached: 0, slaAtRisk: 0 })).toBe('ok');
  });
});

describe('receiveOverviewRow', () => {
  it('keeps the edges of a listed queue (the cache merged the row) and appends a queue new to the list', () => {
    const listed = row();
    const edges = [{ __typename: 'QueueOverviewEdge' as const, cursor: 'c1', node: listed }];
    expect(receiveOverviewRow(edges, { ...listed, waiting: 4 })).toBe(edges);
    const created = row();
    expect(receiveOverviewRow(edges, created)).toEqual([...edges, { __typename: 'QueueOverviewEdge', cursor: '', node: created }]);
  });
});
