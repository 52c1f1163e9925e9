import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';

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
