import { asSubject, type Action, type SubjectType } from '@pivot/domain';
import type { Actor } from '../auth/request-context';
import { AppError } from '../errors/app-error';

const LABELS: Record<SubjectType, string> = {
  Brand: 'Brand',
  Page: 'Page',
  MarketAlias: 'Market alias',
  RoleAssignment: 'Role assignment',
  User: 'User',
  AuditEntry: 'Audit entry',
  InboundItem: 'Inbound item',
  UnmatchedInboundItem: 'Unmatched inbound item',
  Conversation: 'Conversation',
  Post: 'Post',
  ApprovalPolicy: 'Approval policy',
  BrandGuardrails: 'Brand guardrails',
  ReplyQueue: 'Reply queue',
  RoutingRule: 'Routing rule',
  CannedResponse: 'Canned response',
  Metrics: 'Metrics',
};

export function canRead(actor: Actor, type: SubjectType, record: object): boolean {
  return actor.ability.can('read', asSubject(type, record));
}

/**
 * Refuses an action on one record: FORBIDDEN when the caller may see the record, NOT_FOUND
 * when they may not, so a refusal never reveals that something exists.
 */
export function authorize(
  actor: Actor,
  action: Action,
  type: SubjectType,
  record: object,
  fields: readonly string[] = [],
  /** Set when the caller already sees what the action is about (the parent of a page to create). */
  visible?: boolean,
): void {
  const subject = asSubject(type, record);
  const allowed = fields.length
    ? fields.every((field) => actor.ability.can(action, subject, field))
    : actor.ability.can(action, subject);
  if (allowed) return;
  if (action !== 'read' && (visible ?? actor.ability.can('read', subject))) {
    const denied = fields.filter((field) => !actor.ability.can(action, subject, field));
    throw new AppError(
      'FORBIDDEN',
      denied.length ? `You may not change ${denied.join(', ')} of this ${LABELS[type].toLowerCase()}` : `You may not ${action} this ${LABELS[type].toLowerCase()}`,
      denied.length ? { fields: denied } : {},
    );
  }
  throw AppError.notFound(LABELS[type]);
}

/** For actions on no record yet (creating a brand): FORBIDDEN when the caller lacks it. */
export function authorizeType(actor: Actor, action: Action, type: SubjectType): void {
  if (!actor.ability.can(action, type)) throw new AppError('FORBIDDEN', `You may not ${action} a ${LABELS[type].toLowerCase()}`);
}
