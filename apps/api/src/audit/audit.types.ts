import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';

@ObjectType('AuditChange', { description: 'One changed field; values are JSON.' })
export class AuditChangeType {
  @Field(() => String)
  field: string;

  @Field(() => String, { nullable: true, description: 'JSON of the value before; null when the field had none.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the value after; null when the field has none.' })
  after: string | null;
}

@ObjectType('AuditEntry', { description: 'One change, recorded with it; never changed or deleted.' })
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'null when the system acted.' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: "The actor's display name at the time of reading." })
  actorName: string | null;

  @Field(() => String)
  action: string;

  @Field(() => String)
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  @Field(() => ID, { nullable: true })
  brandId: string | null;

  @Field(() => [AuditChangeType])
  changes: AuditChangeType[];

  @Field(() => String, { nullable: true })
  requestId: string | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntryType, 'AuditEntry');

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Page, MarketAlias, RoleAssignment, User, Brand…' })
  subjectType?: string | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact action (page.update) or a prefix ending in a dot (page.).' })
  action?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
