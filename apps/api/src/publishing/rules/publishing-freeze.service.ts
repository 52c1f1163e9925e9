import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { Brand } from '../../hierarchy/brand.entity';
import { Page } from '../../hierarchy/page.entity';
import { PublishingFreeze } from './publishing-freeze.entity';
import { PublisherService } from '../schedule/publisher.service';

const MAX_REASON = 1000;

/**
 * The freeze switch: the brand's governors (those who may update the brand, i.e. brand admins)
 * stop publishing brand-wide or for one market; due sends wait (held) and go out once unfrozen.
 * Setting what is already so writes nothing.
 */
@Injectable()
export class PublishingFreezeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publisher: PublisherService,
  ) {}

  /**
   * The brand's freezes the caller may see, brand-wide first: the brand-wide one for anyone who
   * reads the brand, a market's only for who reads that market (FR's team does not learn that
   * Spain is frozen, nor why). As long as the brand has markets at most.
   */
  async list(actor: Actor, brandId: string): Promise<PublishingFreeze[]> {
    const brand = await this.dataSource.getRepository(Brand).findOneBy({ id: assertUuid(brandId, 'brandId') });
    if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
    const market = abilityToSql(actor.ability, 'read', 'Page', SUBJECT_FIELDS.Page('market'));
    const rows = await this.dataSource
      .getRepository(PublishingFreeze)
      .createQueryBuilder('f')
      .leftJoin(Page, 'market', 'market.id = f.market_page_id')
      .where('f.brand_id = :brandId', { brandId: brand.id })
      .andWhere(`(f.market_page_id IS NULL OR (${market.sql}))`, market.params)
      .orderBy('f.market_page_id IS NULL', 'DESC')
      .addOrderBy('f.created_at', 'ASC')
      .getMany();
    return rows;
  }

  async set(actor: Actor, brandId: string, marketPageId: string | null, frozen: boolean, reason: string | null): Promise<PublishingFreeze[]> {
    const id = assertUuid(brandId, 'brandId');
    const marketId = marketPageId === null ? null : assertUuid(marketPageId, 'marketPageId');
    const why = reason?.trim() || null;
    if (why && why.length > MAX_REASON) throw AppError.badInput(`reason: at most ${MAX_REASON} characters`, [{ field: 'reason', message: `must be at most ${MAX_REASON} characters` }]);
    await this.dataSource.transaction(async (tx) => {
      const brand = await tx.findOne(Brand, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
      authorize(actor, 'update', 'Brand', brand);
      let scopeIds: string[] = [];
      if (marketId) {
        const page = await tx.findOneBy(Page, { id: marketId });
        if (!page || page.brandId !== brand.id || !canRead(actor, 'Page', page)) throw AppError.badInput('marketPageId is not a page of this brand', [{ field: 'marketPageId', message: 'is not a page of this brand' }]);
        if (page.kind !== 'MARKET') throw AppError.badInput('A freeze covers the brand or one market', [{ field: 'marketPageId', message: `is a ${page.kind} page, not a market` }]);
        scopeIds = page.scopeIds;
      }
      const existing = await tx.findOneBy(PublishingFreeze, { brandId: brand.id, marketPageId: marketId ?? IsNull() });
      if (frozen === (existing !== null)) return;
      const row = existing ?? { id: randomUUID(), brandId: brand.id, marketPageId: marketId, reason: why, frozenById: actor.user.id };
      if (frozen) await tx.insert(PublishingFreeze, row);
      else {
        await tx.delete(PublishingFreeze, { id: row.id });
        // The held sends' jobs ran and completed without sending: what this freeze held, and no
        // other still holds, gets a job again with the unfreeze.
        await this.publisher.enqueueOwed(tx, brand.id);
      }
      await this.audit.record(tx, actor, {
        action: frozen ? 'publishing.freeze' : 'publishing.unfreeze',
        subjectType: 'Brand',
        subjectId: brand.id,
        brandId: brand.id,
        scopeIds,
        before: { frozen: !frozen },
        after: { frozen, marketPageId: marketId, reason: frozen ? why : existing?.reason ?? null },
      });
    });
    return this.list(actor, brandId);
  }
}
