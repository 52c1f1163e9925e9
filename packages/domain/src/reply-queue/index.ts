/** Reply queues (DESIGN §6): routing, business-hours SLA, conversation states, canned responses. */
export {
  REPLY_PRIORITIES,
  routeItem,
  validateRoutingRule,
  type DefaultQueue,
  type InboundAuthor,
  type InboundItem,
  type ReplyPriority,
  type RoutingAction,
  type RoutingConditions,
  type RoutingDecision,
  type RoutingRule,
} from './routing';
export {
  compileRoutingPattern,
  ROUTING_PATTERN_FLAGS,
  ROUTING_PATTERN_MAX_LENGTH,
  routingPatternProblem,
  type RoutingPattern,
} from './routing-pattern';
export {
  addBusinessMinutes,
  businessMinutesBetween,
  validateBusinessHours,
  WEEKDAYS,
  type BusinessHours,
  type OpeningInterval,
  type Weekday,
} from './business-hours';
export {
  SLA_AT_RISK_SHARE,
  slaDeadline,
  slaStatus,
  type SlaConversation,
  type SlaDeadline,
  type SlaKind,
  type SlaPolicy,
  type SlaStatus,
} from './sla';
export {
  allowedConversationEvents,
  CONVERSATION_EVENT_TYPES,
  CONVERSATION_STATES,
  isLeaseHeld,
  leaseExpiresAt,
  mayReply,
  nextConversationState,
  type ConversationEvent,
  type ConversationEventType,
  type ConversationLease,
  type ConversationState,
} from './conversation-state';
export {
  CANNED_RESPONSE_PLACEHOLDERS,
  fillPlaceholders,
  pickTemplate,
  placeholdersOf,
  renderCannedResponse,
  type CannedResponseContext,
  type CannedResponseVariant,
  type RenderedCannedResponse,
} from './canned-response';
export {
  BREACH_ESCALATIONS,
  QUEUE_MEMBER_MAX_CAPACITY,
  SLA_MAX_MINUTES,
  validateQueueMember,
  validateReplyQueue,
  type BreachEscalation,
  type ReplyQueueDraft,
  type ReplyQueueValidationContext,
} from './validate-reply-queue';
export { CANNED_RESPONSE_MAX_VARIANTS, REPLY_TEXT_MAX, validateCannedResponse } from './validate-canned-response';
