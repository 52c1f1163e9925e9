import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../auth/request-context';
import { AuditQueryService } from './audit-query.service';
import { AuditEntryConnection, AuditEntryType, AuditFilterInput } from './audit.types';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(private readonly auditQuery: AuditQueryService) {}

  @Query(() => AuditEntryConnection, { description: 'The history the caller may read, newest first.' })
  auditEntries(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AuditFilterInput, nullable: true }) filter?: AuditFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.auditQuery.list(actor, filter ?? {}, first, after);
  }
}
