import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { PivotRequest } from '../auth/request-context';
import { PageType } from '../hierarchy/hierarchy.types';
import type { Page } from '../hierarchy/page.entity';
import { PageLoadersFactory } from '../hierarchy/page.loaders';
import { CannedResponseType } from './canned/canned-response.types';
import { RoutingRuleType, RoutingTestType } from './routing/routing.types';

/*
 * Where a canned response or routing rule comes from: the scope's own, or one defined on the trail
 * (the global page, a region) that a market reads but may not change. One batched, ability-filtered
 * page load per request, however many rows a list holds.
 */
const ORIGIN = 'The page it is defined on: the scope’s own, or one on the trail above it (read-only to the market). Null only if the caller may not read that page.';

function pageOf(loaders: PageLoadersFactory, req: PivotRequest, id: string | null): Promise<Page | null> {
  return id ? loaders.for(req).pageById.load(id) : Promise.resolve(null);
}

@Resolver(() => CannedResponseType)
export class CannedResponseOriginResolver {
  constructor(private readonly loaders: PageLoadersFactory) {}

  @ResolveField(() => PageType, { nullable: true, description: ORIGIN })
  scopePage(@Parent() canned: { scopePageId: string }, @Context('req') req: PivotRequest) {
    return pageOf(this.loaders, req, canned.scopePageId);
  }
}

@Resolver(() => RoutingRuleType)
export class RoutingRuleOriginResolver {
  constructor(private readonly loaders: PageLoadersFactory) {}

  @ResolveField(() => PageType, { nullable: true, description: ORIGIN })
  scopePage(@Parent() rule: { scopePageId: string }, @Context('req') req: PivotRequest) {
    return pageOf(this.loaders, req, rule.scopePageId);
  }
}

@Resolver(() => RoutingTestType)
export class RoutingTestOriginResolver {
  constructor(private readonly loaders: PageLoadersFactory) {}

  @ResolveField(() => PageType, { nullable: true, description: 'The level the rule that fired comes from (the page, its market, a region, the global page); null for a default queue.' })
  ruleScopePage(@Parent() test: { ruleScopePageId: string | null }, @Context('req') req: PivotRequest) {
    return pageOf(this.loaders, req, test.ruleScopePageId);
  }
}
