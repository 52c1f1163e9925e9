import { approvalPath, approvalTargetsOf, type ApprovalPolicy } from '@pivot/domain';
import { pathView, pendingColumns } from './approval-progress';

const pages = [
  { id: 'G', parentId: null, kind: 'GLOBAL' as const, country: null },
  { id: 'FR', parentId: 'G', kind: 'MARKET' as const, country: 'FR' },
];
const policy: ApprovalPolicy = {
  steps: [
    { id: 'market', name: 'Market', approvers: { role: 'MARKET_MANAGER', scope: 'post-market' }, mode: 'any', when: 'always' },
    { id: 'legal', name: 'Legal', approvers: { userIds: ['u-1', 'u-2', 'u-author'] }, mode: 'all', when: 'always' },
  ],
};
const post = { brandId: 'B', authorId: 'u-author', targets: approvalTargetsOf(pages, ['FR']) };
const path = approvalPath(post, policy, { guardrailIssues: [] });

describe('pendingColumns: who the approvals inbox asks', () => {
  it('asks the role of a role step, at its scope', () => {
    expect(pendingColumns(path, [], 'u-author')).toEqual({ pendingStepId: 'market', pendingRole: 'MARKET_MANAGER', pendingScope: 'post-market', pendingUserIds: [] });
  });

  it('asks the named users of an "all" step who have not approved yet, never the author', () => {
    const decisions = [{ stepId: 'market', userId: 'u-m' }, { stepId: 'legal', userId: 'u-1' }];
    expect(pendingColumns(path, decisions, 'u-author')).toEqual({ pendingStepId: 'legal', pendingRole: null, pendingScope: null, pendingUserIds: ['u-2'] });
  });

  it('asks nobody once the path is complete', () => {
    const decisions = [{ stepId: 'market', userId: 'u-m' }, { stepId: 'legal', userId: 'u-1' }, { stepId: 'legal', userId: 'u-2' }];
    expect(pendingColumns(path, decisions, 'u-author').pendingStepId).toBeNull();
  });
});

describe('pathView', () => {
  it('marks approved, current and waiting steps with who approved', () => {
    const view = pathView(path, [{ stepId: 'market', userId: 'u-m' }], 'u-author', false);
    expect(view.currentStepId).toBe('legal');
    expect(view.steps.map((step) => [step.id, step.status, step.approvedBy])).toEqual([
      ['market', 'APPROVED', ['u-m']],
      ['legal', 'CURRENT', []],
    ]);
  });

  it('shows a draft’s preview with every step waiting and none current', () => {
    const view = pathView(path, [], 'u-author', true);
    expect(view).toMatchObject({ preview: true, currentStepId: null });
    expect(view.steps.every((step) => step.status === 'WAITING')).toBe(true);
  });
});
