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
