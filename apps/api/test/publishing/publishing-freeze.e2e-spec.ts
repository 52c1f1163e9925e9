import { randomUUID } from 'node:crypto';
import { as, loadWorld, must, type Who, type World } from '../access/access-world';
import { errorCode } from '../support/graphql';
import { startTestApp } from '../support/test-app';
import { approvedPost, pollOnce, sql } from './publish-world';
import { auditActions } from './publishing-world';

const SET = `mutation($brandId: ID!, $frozen: Boolean!, $marketPageId: ID, $reason: String) {
  setPublishingFreeze(brandId: $brandId, frozen: $frozen, marketPageId: $marketPageId, reason: $reason) { id marketPageId reason frozenById } }`;
const past = () => new Date(Date.now() - 60_000);

describe('publishing: the freeze switch', () => {
  let w: World;

  beforeAll(async () => {
    w = await loadWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' }));
  });
  afterAll(() => w.app.close());

  const freeze = (frozen: boolean, marketPageId: string | null = null, who: Who = 'ADMIN', reason?: string) => as(w, who, SET, { brandId: w.brandId, frozen, marketPageId, reason });
  const held = async (id: string) => must(await as(w, 'FR_MANAGER', `query($id: ID!) { post(id: $id) { state held } }`, { id }), 'post').post as { state: string; held: boolean };
  const sent = async (id: string) => (await sql(w, `SELECT 1 FROM sandbox_deliveries WHERE subject_id = $1`, [id])).length;

  it('holds every due post while the brand is frozen (shown as held) and releases them when unfrozen; both audited', async () => {
    const frozen = must(await freeze(true, null, 'ADMIN', 'Crisis: hold everything')).setPublishingFreeze;
    expect(frozen).toEqual([{ id: expect.any(String), marketPageId: null, reason: 'Crisis: hold everything', frozenById: w.userId.ADMIN }]);
    const post = await approvedPost(w, [w.id.FR], past());
    await pollOnce(w.app);
    expect(await held(post.id)).toEqual({ state: 'SCHEDULED', held: true });
    expect(await sent(post.id)).toBe(0);
    expect(must(await freeze(false)).setPublishingFreeze).toEqual([]);
    expect((await held(post.id)).held).toBe(false);
    await pollOnce(w.app);
    expect(await held(post.id)).toEqual({ state: 'PUBLISHED', held: false });
    expect(await sent(post.id)).toBe(1);
    expect(await auditActions(w, w.brandId)).toEqual(expect.arrayContaining(['publishing.freeze', 'publishing.unfreeze']));
  });

  it('freezes one market and the pages under it only: FR and its segment wait, a post elsewhere goes out', async () => {
    must(await freeze(true, w.id.FR));
    const onFr = await approvedPost(w, [w.id.FR], past());
    const onSegment = await approvedPost(w, [w.id.frConsumer], past());
    must(await freeze(true, w.id.ES));
    must(await freeze(false, w.id.FR));
    must(await freeze(true, w.id.FR));
    const list = must(await as(w, 'ADMIN', `query($b: ID!) { publishingFreezes(brandId: $b) { marketPageId } }`, { b: w.brandId })).publishingFreezes;
    expect(list.map((row: { marketPageId: string }) => row.marketPageId).sort()).toEqual([w.id.FR, w.id.ES].sort());
    await pollOnce(w.app);
    expect(await held(onFr.id)).toEqual({ state: 'SCHEDULED', held: true });
    expect(await held(onSegment.id)).toEqual({ state: 'SCHEDULED', held: true });
    must(await freeze(false, w.id.FR));
    await pollOnce(w.app);
    // ES is still frozen, and neither post is on ES: both go out.
    expect((await held(onFr.id)).state).toBe('PUBLISHED');
    expect((await held(onSegment.id)).state).toBe('PUBLISHED');
    must(await freeze(false, w.id.ES));
  });

  it('writes nothing when asked for the state already in force', async () => {
    const before = (await auditActions(w, w.brandId)).length;
    must(await freeze(true));
    must(await freeze(true));
    must(await freeze(false));
    must(await freeze(false));
    expect((await auditActions(w, w.brandId)).length).toBe(before + 2);
  });

  it('lists a market’s freeze only to who reads that market; the brand-wide one to everyone in the brand', async () => {
    must(await freeze(true, w.id.FR, 'ADMIN', 'FR launch week'));
    must(await freeze(true));
    const LIST = `query($b: ID!) { publishingFreezes(brandId: $b) { marketPageId reason } }`;
    const seen = async (who: Who) => (must(await as(w, who, LIST, { b: w.brandId })).publishingFreezes as { marketPageId: string | null }[]).map((row) => row.marketPageId);
    try {
      expect(await seen('ADMIN')).toEqual([null, w.id.FR]);
      expect(await seen('FR_MANAGER')).toEqual([null, w.id.FR]);
      expect(await seen('ES_MANAGER')).toEqual([null]);
    } finally {
      must(await freeze(false, w.id.FR));
      must(await freeze(false));
    }
  });

  it('is the brand admin’s switch: a market manager is FORBIDDEN, a stranger brand NOT_FOUND, a page that is no market BAD_USER_INPUT', async () => {
    expect(errorCode(await freeze(true, w.id.FR, 'FR_MANAGER'))).toBe('FORBIDDEN');
    expect(errorCode(await freeze(true, null, 'FR_PUBLISHER'))).toBe('FORBIDDEN');
    expect(errorCode(await as(w, 'ADMIN', SET, { brandId: randomUUID(), frozen: true }))).toBe('NOT_FOUND');
    expect(errorCode(await freeze(true, w.id.frConsumer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await freeze(true, w.id.EMEA))).toBe('BAD_USER_INPUT');
    expect(errorCode(await freeze(true, 'not-a-uuid'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await freeze(true, null, 'ADMIN', 'x'.repeat(1001)))).toBe('BAD_USER_INPUT');
    expect(must(await as(w, 'ADMIN', `query($b: ID!) { publishingFreezes(brandId: $b) { id } }`, { b: w.brandId })).publishingFreezes).toEqual([]);
  });
});
