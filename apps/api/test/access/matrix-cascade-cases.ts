import { as, must } from './access-world';
import { outcomes, type MatrixCase, type MatrixWorld } from './matrix-cases';
import { ACKNOWLEDGE, cascaded, cascadePost, childrenOf, globalPost, ROLLOUT } from '../publishing/cascade-world';
import { MUTATION, postAsStored } from '../publishing/publishing-world';

/*
 * The cascade × every demo role. Cascading is the brand team's (market roles: FORBIDDEN before
 * any post is looked at); a job is read by who reads its global post; the board by who reads the
 * global post or one of its children; acknowledging by who may edit the child.
 */

/** A global draft cascaded to FR, then edited, so its FR child is "global changed". */
async function changedFrChild(w: MatrixWorld): Promise<{ parentId: string; child: { id: string; version: number } }> {
  const parent = await globalPost(w, 'Summer is coming #northwind');
  await cascaded(w, parent.id, [w.id.FR]);
  must(await as(w, 'ADMIN', MUTATION.update, { id: parent.id, version: parent.version, input: { body: 'Summer is here #northwind' } }));
  return { parentId: parent.id, child: (await childrenOf(w, parent.id)).get(w.id.FR)! };
}

export const CASCADE_CASES: MatrixCase[] = [
  {
    title: 'cascadePost(a global draft to FR): the brand team',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN'] }, 'FORBIDDEN'),
    prepare: (w) => globalPost(w),
    run: (w, who, post) => cascadePost(w, who, post.id, [w.id.FR]),
    ok: (data, _w, _who, post) => expect(data.cascadePost).toMatchObject({ postId: post.id, state: 'QUEUED', total: 1 }),
    unchanged: async (w, _who, post) => expect((await postAsStored(w, post.id)).timeline).toEqual([expect.objectContaining({ kind: 'CREATED' })]),
  },
  {
    title: 'cascadeJob(a job of a global post): who reads the global post',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN'] }, 'NOT_FOUND'),
    prepare: async (w) => cascaded(w, (await globalPost(w)).id, [w.id.FR]),
    run: (w, who, job) => as(w, who, 'query($id: ID!) { cascadeJob(id: $id) { id state done } }', { id: job.id }),
    ok: (data, _w, _who, job) => expect(data.cascadeJob).toEqual({ id: job.id, state: 'DONE', done: 1 }),
  },
  {
    title: 'rollout(a global post cascaded to FR): who reads it or its FR child',
    // The FR publisher reads FR's child: the market localizes it (issue 5).
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER', 'ANALYST'] }, 'NOT_FOUND'),
    prepare: async (w) => {
      const parent = await globalPost(w);
      await cascaded(w, parent.id, [w.id.FR]);
      return parent;
    },
    run: (w, who, post) => as(w, who, ROLLOUT, { id: post.id }),
    ok: (data, w, who, post) => {
      // The global post itself only to who reads it (the brand team); a market sees its cells.
      expect(data.rollout.post?.id ?? null).toBe(['PLATFORM', 'ADMIN'].includes(who) ? post.id : null);
      expect(data.rollout.cells.find((cell: { market: { id: string } }) => cell.market.id === w.id.FR)).toMatchObject({ state: 'LOCALIZING' });
    },
  },
  {
    title: 'acknowledgeGlobalChange(an FR child whose global post changed): who may edit the child',
    expect: outcomes({ OK: ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'FR_PUBLISHER'], FORBIDDEN: ['ANALYST'] }, 'NOT_FOUND'),
    prepare: changedFrChild,
    run: (w, who, { child }) => as(w, who, ACKNOWLEDGE, { id: child.id, version: child.version }),
    ok: (data, _w, _who, { child }) => expect(data.acknowledgeGlobalChange).toMatchObject({ id: child.id, version: child.version + 1, globalChanged: false }),
    unchanged: async (w, _who, { child }) => expect(await postAsStored(w, child.id)).toMatchObject({ version: child.version }),
  },
];
