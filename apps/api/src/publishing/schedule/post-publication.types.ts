import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { asEnum } from '../../graphql/enum-type';
import { PUBLICATION_STATES, type PublicationState } from './post-publication.entity';

export const PublicationStateEnum = asEnum(PUBLICATION_STATES);
registerEnumType(PublicationStateEnum, { name: 'PublicationState' });

@ObjectType('PostPublication', { description: 'The send of a scheduled post to one of its pages.' })
export class PostPublicationType {
  @Field(() => ID)
  pageId: string;

  @Field(() => PublicationStateEnum)
  state: PublicationState;

  @Field(() => Int, { description: 'Attempts so far (retries after 5xx answers and timeouts included).' })
  attempts: number;

  @Field(() => Date, { description: 'When it is (or was last) due.' })
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true, description: "The network's id of the published post." })
  externalId: string | null;

  @Field(() => String, { nullable: true, description: "The network's message for the last failure." })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;
}
