import { parseFacebookDelivery } from './facebook-payload';

const comment = (value: Record<string, unknown>) => ({ field: 'feed', value: { item: 'comment', verb: 'add', post_id: 'p1', from: { id: 'u1', name: 'Ana' }, ...value } });

describe('parseFacebookDelivery', () => {
  it('reads comments, replies and messages of every entry', () => {
    const { items, ignored } = parseFacebookDelivery({
      object: 'page',
      entry: [
        {
          id: 'fb-page',
          changes: [comment({ comment_id: 'c1', parent_id: 'p1', message: 'Hello', created_time: 1_700_000_000 }), comment({ comment_id: 'c2', parent_id: 'c1' })],
          messaging: [{ sender: { id: 'u2' }, recipient: { id: 'fb-page' }, timestamp: 1_700_000_000_123, message: { mid: 'm1', text: 'Hi' } }],
        },
      ],
    });
    expect(ignored).toBe(0);
    expect(items.map((i) => [i.kind, i.externalId, i.threadId, i.parentExternalId, i.authorId])).toEqual([
      ['COMMENT', 'c1', 'p1', null, 'u1'],
      ['REPLY', 'c2', 'p1', 'c1', 'u1'],
      ['MESSAGE', 'm1', 'messages:u2', null, 'u2'],
    ]);
    expect(items[0].occurredAt.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(items[2].occurredAt.toISOString()).toBe('2023-11-14T22:13:20.123Z');
  });

  it('skips and counts edits, reactions, echoes and events without ids', () => {
    const { items, ignored } = parseFacebookDelivery({
      object: 'page',
      entry: [
        {
          id: 'fb-page',
          changes: [comment({ comment_id: 'c1', verb: 'edited' }), { field: 'feed', value: { item: 'reaction', verb: 'add' } }, comment({})],
          messaging: [{ sender: { id: 'fb-page' }, message: { mid: 'm1', is_echo: true } }, { sender: { id: 'u2' }, read: { watermark: 1 } }],
        },
        'junk',
      ],
    });
    expect(items).toEqual([]);
    expect(ignored).toBe(6);
  });

  it('skips and counts events whose ids are too long to store, and cuts a long author name to 200 characters', () => {
    const { items, ignored } = parseFacebookDelivery({
      object: 'page',
      entry: [
        {
          id: 'fb-page',
          changes: [
            comment({ comment_id: 'c'.repeat(201) }),
            comment({ comment_id: 'c1', post_id: 'p'.repeat(201) }),
            comment({ comment_id: 'c2', from: { id: 'u1', name: '😀'.repeat(250) } }),
          ],
          messaging: [{ sender: { id: 's'.repeat(201) }, message: { mid: 'm1' } }],
        },
      ],
    });
    expect(ignored).toBe(3);
    expect(items.map((i) => i.externalId)).toEqual(['c2']);
    expect([...items[0].authorName!]).toHaveLength(200);
  });

  it('refuses what is not a page delivery', () => {
    expect(() => parseFacebookDelivery({ object: 'user', entry: [] })).toThrow(/page webhook delivery/);
    expect(() => parseFacebookDelivery([1, 2])).toThrow(/page webhook delivery/);
  });
});
