import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { canRead } from '../access/authorize';
import type { Actor } from '../auth/request-context';
import { AppError, assertUuid } from '../errors/app-error';
import { Page } from '../hierarchy/page.entity';
import { insightsRange } from './insights-range';
import type { InsightsRangeInput } from './insights.types';

@Injectable()
export class InsightsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insights(actor: Actor, scopePageId: string, input: InsightsRangeInput) {
    const range = insightsRange(input);
    const scope = await this.scope(actor, scopePageId);
    throw new AppError('NOT_FOUND', `Insights of ${scope.id} ${range.from}`);
  }

  async marketComparison(actor: Actor, scopePageId: string, input: InsightsRangeInput) {
    insightsRange(input);
    await this.scope(actor, scopePageId);
    return [];
  }

  async pageHealth(actor: Actor, scopePageId: string, input: InsightsRangeInput) {
    insightsRange(input);
    await this.scope(actor, scopePageId);
    return [];
  }

  async pivotDemand(_actor: Actor, input: InsightsRangeInput, _brandId: string | null) {
    insightsRange(input);
    return [];
  }

  /**
   * The scope page whose metrics the caller reads. A role with metrics (brand team, analyst)
   * asking beyond them, up the trail included, gets NOT_FOUND like a missing page; a role without
   * any metrics gets FORBIDDEN on a page it reads, NOT_FOUND elsewhere.
   */
  private async scope(actor: Actor, scopePageId: string): Promise<Page> {
    const page = await this.dataSource.manager.findOneBy(Page, { id: assertUuid(scopePageId, 'scopePageId') });
    if (!page) throw AppError.notFound('Page');
    if (canRead(actor, 'Metrics', { brandId: page.brandId, scopeIds: page.scopeIds })) return page;
    if (!actor.ability.can('read', 'Metrics') && canRead(actor, 'Page', page)) throw new AppError('FORBIDDEN', 'You may not read the metrics of this page');
    throw AppError.notFound('Page');
  }
}
