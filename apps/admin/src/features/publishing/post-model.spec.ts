import { abilityFromPackedRules, allowedEvents, defineAbilityFor, packRules, type Grant, type PostState } from '@pivot/domain';
import { postScheduleActions, postUiActions } from './post-model';

const FR = ['g', 'emea', 'fr'];
const abilityOf = (userId: string, grant: Grant) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId, grants: [grant] }).rules)));
const publisher = abilityOf('pub', { role: 'PUBLISHER', brandId: 'b', scopePageId: 'fr', scopeIds: FR });
const manager = abilityOf('man', { role: 'MARKET_MANAGER', brandId: 'b', scopePageId: 'fr', scopeIds: FR });
const esManager = abilityOf('es', { role: 'MARKET_MANAGER', brandId: 'b', scopePageId: 'es', scopeIds: ['g', 'emea', 'es'] });
const post = (state: PostState, authorId = 'pub', canDecide = false) => ({ id: 'p', brandId: 'b', scopeIds: FR, authorId, parentPostId: null, state, allowedActions: allowedEvents(state), canDecide });
/** FR's child of a cascaded global post: the brand admin's by authorship. */
const child = (state: PostState, canDecide = false) => ({ ...post(state, 'brand-admin', canDecide), parentPostId: 'global' });

describe('postUiActions', () => {
  it('lets the author withdraw a post in review and comment, never decide on it', () => {
    expect(postUiActions(publisher, post('IN_REVIEW'), 'pub')).toEqual(['withdraw', 'comment']);
  });

  it("gives the market's manager the decisions on someone else's post whose current step they may decide", () => {
    expect(postUiActions(manager, post('IN_REVIEW', 'pub', true), 'man')).toEqual(['approve', 'requestChanges', 'reject', 'comment']);
  });

  it('offers no decision when the current step is not theirs, whatever their ability allows', () => {
    expect(manager.can('approve', 'Post')).toBe(true);
    expect(postUiActions(manager, post('IN_REVIEW', 'pub', false), 'man')).toEqual(['comment']);
  });

  it('never lets a manager decide on their own post', () => {
    expect(postUiActions(manager, post('IN_REVIEW', 'man', true), 'man')).toEqual(['withdraw', 'comment']);
  });

  it('offers editing and submitting a draft to its author, archiving it to the manager', () => {
    expect(postUiActions(publisher, post('DRAFT'), 'pub')).toEqual(['edit', 'submit', 'comment']);
    expect(postUiActions(manager, post('DRAFT'), 'man')).toEqual(['edit', 'archive', 'comment']);
  });

  it("offers the FR publisher editing, submitting and withdrawing FR's cascade child, which the brand admin wrote", () => {
    expect(postUiActions(publisher, child('DRAFT'), 'pub')).toEqual(['edit', 'submit', 'comment']);
    expect(postUiActions(publisher, child('IN_REVIEW'), 'pub')).toEqual(['withdraw', 'comment']);
  });

  it("still offers the publisher nothing on another publisher's ordinary post", () => {
    expect(postUiActions(publisher, post('DRAFT', 'someone'), 'pub')).toEqual([]);
  });

  it('offers nothing to a manager of another market', () => {
    expect(postUiActions(esManager, post('IN_REVIEW'), 'es')).toEqual([]);
  });
});

describe('postScheduleActions', () => {
  it('lets the manager schedule an approved post, reschedule or unschedule a scheduled one, retry a failed one', () => {
    expect(postScheduleActions(manager, post('APPROVED'))).toEqual(['schedule']);
    expect(postScheduleActions(manager, post('SCHEDULED'))).toEqual(['schedule', 'unschedule']);
    expect(postScheduleActions(manager, post('FAILED'))).toEqual(['retry']);
    expect(postScheduleActions(manager, post('IN_REVIEW'))).toEqual([]);
  });

  it('offers none of them to the publisher, even on their own post, nor to a manager of another market', () => {
    expect(postScheduleActions(publisher, post('APPROVED'))).toEqual([]);
    expect(postScheduleActions(esManager, post('FAILED'))).toEqual([]);
  });
});
