import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import type { InboundItemKind } from '../inbound/inbound-item';
import { InboundItemKindEnum } from './conversation.types';

@ObjectType('CannedResponseVariant')
@InputType('CannedResponseVariantInput')
export class CannedResponseVariantType {
  @Field(() => String, { description: 'BCP 47 tag.' })
  language: string;

  @Field(() => String, { description: 'May hold {{author.firstName}}, {{author.name}}, {{page.name}}, {{moderator.firstName}}.' })
  body: string;
}

@ObjectType('CannedResponse')
export class CannedResponseType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { description: 'Usable on this page and the pages under it.' })
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => [CannedResponseVariantType])
  variants: CannedResponseVariantType[];

  @Field(() => Int)
  version: number;
}

export const CannedResponseConnection = ConnectionType(CannedResponseType, 'CannedResponse');

@InputType()
export class CreateCannedResponseInput {
  @Field(() => ID)
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => [CannedResponseVariantType])
  variants: CannedResponseVariantType[];
}

@InputType()
export class UpdateCannedResponseInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [CannedResponseVariantType], { nullable: true })
  variants?: CannedResponseVariantType[] | null;
}

@InputType()
export class ReplyToConversationInput {
  @Field(() => ID)
  conversationId: string;

  @Field(() => String, { nullable: true, description: 'Typed text; or give cannedResponseId.' })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  cannedResponseId?: string | null;

  @Field(() => String, { nullable: true, description: "Variant to use; defaults to the conversation's language, then the page's." })
  language?: string | null;
}

@InputType()
export class EscalateConversationInput {
  @Field(() => ID)
  conversationId: string;

  @Field(() => ID, { nullable: true, description: 'Another queue of the brand; or set toManager.' })
  toQueueId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "To the market manager: claimed by those who manage the conversation's queue." })
  toManager?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Kept as a note on the conversation.' })
  reason?: string | null;
}

@ObjectType('ConversationNote')
export class ConversationNoteType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  conversationId: string;

  @Field(() => ID)
  authorId: string;

  @Field(() => String)
  text: string;

  @Field(() => Date)
  createdAt: Date;
}

export const ConversationNoteConnection = ConnectionType(ConversationNoteType, 'ConversationNote');

@ObjectType('InboundItem', { description: 'One comment, reply or message of the customer, as the network sent it.' })
export class InboundItemType {
  @Field(() => ID)
  id: string;

  @Field(() => InboundItemKindEnum)
  kind: InboundItemKind;

  @Field(() => String)
  externalId: string;

  @Field(() => String, { nullable: true, description: 'The comment a reply answers.' })
  parentExternalId: string | null;

  @Field(() => String)
  authorId: string;

  @Field(() => String, { nullable: true })
  authorName: string | null;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field(() => Date)
  occurredAt: Date;
}

export const InboundItemConnection = ConnectionType(InboundItemType, 'InboundItem');
