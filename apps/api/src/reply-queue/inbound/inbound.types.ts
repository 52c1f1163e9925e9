import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import { asEnum } from '../../graphql/enum-type';
import { ConversationType } from '../conversations/conversation.types';
import { INBOUND_ITEM_KINDS, type InboundItemKind } from './inbound-item';

export const InboundItemKindEnum = asEnum(INBOUND_ITEM_KINDS);
registerEnumType(InboundItemKindEnum, { name: 'InboundItemKind', description: 'A comment on a post, a reply to a comment, or a private message.' });

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

@InputType()
export class InboundItemInput {
  @Field(() => String, { description: "The network's id of the item (comment id, message id)." })
  externalId: string;

  @Field(() => String, { description: "The network's id of the page: matched against Page.externalId." })
  pageExternalId: string;

  @Field(() => InboundItemKindEnum)
  kind: InboundItemKind;

  @Field(() => String, { description: 'The post the comment sits under, or the message thread.' })
  threadId: string;

  @Field(() => String, { nullable: true, description: 'The comment a reply answers.' })
  parentExternalId?: string | null;

  @Field(() => String)
  authorId: string;

  @Field(() => String, { nullable: true })
  authorName?: string | null;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 tag, when known.' })
  language?: string | null;

  @Field(() => Date)
  occurredAt: Date;
}

@InputType()
export class ImportInboundItemsInput {
  @Field(() => String, { description: 'facebook, instagram…' })
  network: string;

  @Field(() => [InboundItemInput])
  items: InboundItemInput[];
}

@ObjectType('InboundImportResult')
export class InboundImportResultType {
  @Field(() => Int, { description: 'Items stored by this call.' })
  stored: number;

  @Field(() => Int, { description: 'Items that were already stored (same network and external id).' })
  duplicates: number;

  @Field(() => [ConversationType], { description: 'The conversations the items belong to.' })
  conversations: ConversationType[];
}
