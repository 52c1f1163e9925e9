import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { validateCannedResponse, type CannedResponseVariant } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import { Page } from '../../hierarchy/page.entity';
import { CannedResponse } from './canned-response.entity';

const AUDITED = ['name', 'variants'] as const;

export interface CannedResponseFields {
  name?: string | null;
  variants?: CannedResponseVariant[] | null;
}

/** Canned responses of a scope page, one body per language. */
@Injectable()
export class CannedResponseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, scopePageId: string | null | undefined, first?: number | null, after?: string | null): Promise<Connection<CannedResponse>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const readable = abilityToSql(actor.ability, 'read', 'CannedResponse', SUBJECT_FIELDS.CannedResponse('r'));
    const query = this.dataSource.getRepository(CannedResponse).createQueryBuilder('r').where(readable.sql, readable.params);
    // The responses usable on a page: those of the page and of its ancestors. A page out of reach
    // reads like a missing one: its trail's responses would otherwise tell that it exists.
    if (scopePageId) {
      const page = await this.dataSource.manager.findOneBy(Page, { id: assertUuid(scopePageId, 'pageId') });
      if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
      query.andWhere('r.scope_page_id = ANY(:trail::uuid[])', { trail: page.scopeIds });
    }
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(r.name, r.id) > (:name, :id)', { name: cursor[0], id: assertUuid(cursor[1], 'after') });
    const rows = await query.orderBy('r.name').addOrderBy('r.id').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.name, row.id]));
  }

  async create(actor: Actor, scopePageId: string, input: CannedResponseFields): Promise<CannedResponse> {
    const pageId = assertUuid(scopePageId, 'scopePageId');
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const page = await tx.findOneBy(Page, { id: pageId });
      if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
      authorize(actor, 'create', 'CannedResponse', { brandId: page.brandId, scopeIds: page.scopeIds }, [], true);
      const fields = { name: input.name?.trim() ?? '', variants: variantsOf(input.variants ?? []) };
      assertValid(fields);
      const canned = tx.create(CannedResponse, { id, brandId: page.brandId, scopePageId: page.id, scopeIds: page.scopeIds, ...fields });
      await tx.insert(CannedResponse, canned as never);
      await this.audit.record(tx, actor, { ...subjectOf(canned), action: 'cannedResponse.create', before: null, after: canned, fields: AUDITED });
    });
    return (await this.dataSource.manager.findOneBy(CannedResponse, { id }))!;
  }

  async update(actor: Actor, id: string, input: CannedResponseFields): Promise<CannedResponse> {
    await this.dataSource.transaction(async (tx) => {
      const canned = await this.writable(tx, actor, id, 'update');
      const next = { name: input.name != null ? input.name.trim() : canned.name, variants: input.variants != null ? variantsOf(input.variants) : canned.variants };
      assertValid(next);
      await tx.update(CannedResponse, { id: canned.id }, { ...next, version: canned.version + 1 } as never);
      await this.audit.record(tx, actor, { ...subjectOf(canned), action: 'cannedResponse.update', before: canned, after: next, fields: AUDITED });
    });
    return (await this.dataSource.manager.findOneBy(CannedResponse, { id }))!;
  }

  async delete(actor: Actor, id: string): Promise<string> {
    await this.dataSource.transaction(async (tx) => {
      const canned = await this.writable(tx, actor, id, 'delete');
      await tx.delete(CannedResponse, { id: canned.id });
      await this.audit.record(tx, actor, { ...subjectOf(canned), action: 'cannedResponse.delete', before: canned, after: null, fields: AUDITED });
    });
    return id;
  }

  private async writable(tx: EntityManager, actor: Actor, id: string, action: 'update' | 'delete'): Promise<CannedResponse> {
    const canned = await tx.getRepository(CannedResponse).findOne({ where: { id: assertUuid(id, 'id') }, lock: { mode: 'pessimistic_write' } });
    if (!canned || !canRead(actor, 'CannedResponse', canned)) throw AppError.notFound('Canned response');
    authorize(actor, action, 'CannedResponse', canned);
    return canned;
  }
}

function variantsOf(variants: CannedResponseVariant[]): CannedResponseVariant[] {
  return variants.map((variant) => ({ language: variant.language.trim(), body: variant.body }));
}

/** The domain's rules, the same the admin's editor shows as one types. */
function assertValid(fields: { name: string; variants: CannedResponseVariant[] }): void {
  const problems = validateCannedResponse(fields);
  if (problems.length) throw AppError.invalidFields(problems);
}

function subjectOf(canned: CannedResponse) {
  return { subjectType: 'CannedResponse', subjectId: canned.id, brandId: canned.brandId, scopeIds: canned.scopeIds };
}
