import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asSubject, validateName, validateRoutingRule, type RoutingConditions } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection';
import { Page } from '../../hierarchy/page.entity';
import { QueueService } from '../queues/queue.service';
import type { AuthorFlagsType, CreateRoutingRuleInput, RoutingConditionsType, RoutingTestType, SetAuthorFlagsInput, TestRoutingInput, UpdateRoutingRuleInput } from './routing.types';
import { RouterService } from './router.service';
import { RoutingRuleEntity } from './routing-rule.entity';

const AUDITED = ['name', 'position', 'conditions', 'queueId', 'priority', 'tags', 'enabled'] as const;
const MAX_RULES_PER_SCOPE = 500;

/**
 * The ordered rules of each scope page. Positions are 0..n-1 per scope page; every write that
 * moves them takes a transaction-scoped advisory lock on the scope page, so two editors
 * reordering one list apply one after the other instead of interleaving their renumbering.
 */
@Injectable()
export class RoutingRuleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    private readonly router: RouterService,
  ) {}

  async list(actor: Actor, scopePageId: string | null | undefined, first?: number | null, after?: string | null): Promise<Connection<RoutingRuleEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 3);
    const readable = abilityToSql(actor.ability, 'read', 'RoutingRule', SUBJECT_FIELDS.RoutingRule('r'));
    const query = this.dataSource.getRepository(RoutingRuleEntity).createQueryBuilder('r').where(readable.sql, readable.params);
    if (scopePageId) query.andWhere('r.scope_page_id = :scopePageId', { scopePageId: assertUuid(scopePageId, 'scopePageId') });
    const totalCount = await query.clone().getCount();
    if (cursor) query.andWhere('(r.scope_page_id, r.position, r.id) > (:scope, :position, :id)', { scope: assertUuid(cursor[0], 'after'), position: Number(cursor[1]), id: assertUuid(cursor[2], 'after') });
    const rows = await query.orderBy('r.scope_page_id').addOrderBy('r.position').addOrderBy('r.id').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.scopePageId, row.position, row.id]));
  }

  async create(actor: Actor, input: CreateRoutingRuleInput): Promise<RoutingRuleEntity> {
    const pageId = assertUuid(input.scopePageId, 'scopePageId');
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const page = await tx.findOneBy(Page, { id: pageId });
      if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
      authorize(actor, 'create', 'RoutingRule', { brandId: page.brandId, scopeIds: page.scopeIds }, [], true);
      const fields = {
        name: input.name?.trim(),
        conditions: conditionsOf(input.conditions),
        queueId: input.queueId,
        priority: input.priority ?? 'NORMAL',
        tags: (input.tags ?? []).map((tag) => tag.trim()),
        enabled: input.enabled ?? true,
      };
      await this.validate(tx, actor, page.brandId, page.id, fields);
      await this.lockScope(tx, page.id);
      const count = await this.count(tx, page.id);
      if (count >= MAX_RULES_PER_SCOPE) throw AppError.conflict(`A page holds at most ${MAX_RULES_PER_SCOPE} rules`);
      const position = clamp(input.position ?? count, count);
      await tx.query(`UPDATE routing_rules SET position = position + 1 WHERE scope_page_id = $1 AND position >= $2`, [page.id, position]);
      const rule = tx.create(RoutingRuleEntity, { id, brandId: page.brandId, scopePageId: page.id, scopeIds: page.scopeIds, position, ...fields });
      await tx.insert(RoutingRuleEntity, rule as never);
      await this.audit.record(tx, actor, { ...subjectOf(rule), action: 'routingRule.create', before: null, after: rule, fields: AUDITED });
    });
    return (await this.dataSource.manager.findOneBy(RoutingRuleEntity, { id }))!;
  }

  async update(actor: Actor, id: string, input: UpdateRoutingRuleInput): Promise<RoutingRuleEntity> {
    await this.dataSource.transaction(async (tx) => {
      const rule = await this.writable(tx, actor, id, 'update');
      const next = {
        name: input.name != null ? input.name.trim() : rule.name,
        conditions: input.conditions != null ? conditionsOf(input.conditions) : rule.conditions,
        queueId: input.queueId ?? rule.queueId,
        priority: input.priority ?? rule.priority,
        tags: input.tags != null ? input.tags.map((tag) => tag.trim()) : rule.tags,
        enabled: input.enabled ?? rule.enabled,
      };
      await this.validate(tx, actor, rule.brandId, rule.scopePageId, next);
      await tx.update(RoutingRuleEntity, { id: rule.id }, { ...next, version: rule.version + 1 } as never);
      await this.audit.record(tx, actor, { ...subjectOf(rule), action: 'routingRule.update', before: rule, after: next, fields: AUDITED });
    });
    return (await this.dataSource.manager.findOneBy(RoutingRuleEntity, { id }))!;
  }

  async delete(actor: Actor, id: string): Promise<string> {
    await this.dataSource.transaction(async (tx) => {
      const rule = await this.writable(tx, actor, id, 'delete');
      await this.lockScope(tx, rule.scopePageId);
      const [{ position }] = await tx.query(`SELECT position FROM routing_rules WHERE id = $1`, [rule.id]);
      await tx.delete(RoutingRuleEntity, { id: rule.id });
      await tx.query(`UPDATE routing_rules SET position = position - 1 WHERE scope_page_id = $1 AND position > $2`, [rule.scopePageId, position]);
      await this.audit.record(tx, actor, { ...subjectOf(rule), action: 'routingRule.delete', before: rule, after: null, fields: AUDITED });
    });
    return id;
  }

  /** To `position` in its scope page's list (clamped to the list), the rules in between shifting by one. */
  async move(actor: Actor, id: string, position: number): Promise<RoutingRuleEntity[]> {
    if (!Number.isInteger(position) || position < 0) throw AppError.badInput('position must be 0 or more', [{ field: 'position', message: 'must be 0 or more' }]);
    const scopePageId = await this.dataSource.transaction(async (tx) => {
      const rule = await this.writable(tx, actor, id, 'update');
      await this.lockScope(tx, rule.scopePageId);
      const [{ position: from }] = await tx.query(`SELECT position FROM routing_rules WHERE id = $1`, [rule.id]);
      const to = clamp(position, (await this.count(tx, rule.scopePageId)) - 1);
      if (to !== from) {
        await tx.query(
          `UPDATE routing_rules SET position = CASE WHEN id = $2 THEN $4 WHEN $3 < $4 THEN position - 1 ELSE position + 1 END
            WHERE scope_page_id = $1 AND position BETWEEN LEAST($3::int, $4::int) AND GREATEST($3::int, $4::int)`,
          [rule.scopePageId, rule.id, from, to],
        );
        await this.audit.record(tx, actor, { ...subjectOf(rule), action: 'routingRule.move', before: { position: from }, after: { position: to } });
      }
      return rule.scopePageId;
    });
    return this.dataSource.getRepository(RoutingRuleEntity).find({ where: { scopePageId }, order: { position: 'ASC' } });
  }

  /** "Paste a comment, pick a page": which rule fires, which queue, and why. Changes nothing. */
  async test(actor: Actor, input: TestRoutingInput): Promise<RoutingTestType> {
    const pageId = assertUuid(input.pageId, 'pageId');
    const db = this.dataSource.manager;
    const page = await db.findOneBy(Page, { id: pageId });
    if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
    // The page is visible: lacking the rules is FORBIDDEN, not NOT_FOUND.
    if (!actor.ability.can('read', asSubject('RoutingRule', { brandId: page.brandId, scopeIds: page.scopeIds }))) {
      throw new AppError('FORBIDDEN', 'You may not read the routing rules of this page');
    }
    if (input.text.length > 20_000) throw AppError.badInput('text is longer than 20000 characters', [{ field: 'text', message: 'is longer than 20000 characters' }]);
    const routingPage = (await this.router.pages(db, [page.id])).get(page.id)!;
    const decision = await this.router.decide(db, routingPage, {
      network: input.network?.trim().toLowerCase() || page.network,
      text: input.text,
      language: input.language ?? null,
      authorName: '',
      authorFlags: input.authorFlags ?? [],
    });
    const [queue] = decision.queueId ? await db.query(`SELECT name FROM reply_queues WHERE id = $1`, [decision.queueId]) : [];
    return {
      queueId: decision.queueId,
      queueName: queue?.name ?? null,
      ruleId: decision.ruleId,
      ruleName: decision.ruleName,
      ruleScopePageId: decision.ruleScopePageId,
      priority: decision.priority,
      tags: decision.tags,
      trail: decision.trail,
    };
  }

  /**
   * The brand's flags on an author, which routing rules match (authorFlags). Brand-wide, since an
   * author writes on every market's pages: set by those who govern the brand's own rules.
   */
  async setAuthorFlags(actor: Actor, input: SetAuthorFlagsInput): Promise<AuthorFlagsType> {
    const brandId = assertUuid(input.brandId, 'brandId');
    const network = input.network.trim().toLowerCase();
    const authorId = input.authorId.trim();
    const flags = [...new Set(input.flags.map((flag) => flag.trim()))];
    return this.dataSource.transaction(async (tx) => {
      const [global] = await tx.query(`SELECT id, scope_ids::text[] AS "scopeIds" FROM pages WHERE brand_id = $1 AND kind = 'GLOBAL' AND parent_id IS NULL LIMIT 1`, [brandId]);
      if (!global || !canRead(actor, 'Brand', { id: brandId })) throw AppError.notFound('Brand');
      authorize(actor, 'update', 'RoutingRule', { brandId, scopeIds: global.scopeIds }, [], true);
      const problems = [];
      if (!network || network.length > 40) problems.push({ field: 'network', message: 'is required, at most 40 characters' });
      if (!authorId || authorId.length > 200) problems.push({ field: 'authorId', message: 'is required, at most 200 characters' });
      if (flags.some((flag) => !flag || flag.length > 40)) problems.push({ field: 'flags', message: 'may not be blank or longer than 40 characters' });
      if (flags.length > 20) problems.push({ field: 'flags', message: 'at most 20 flags' });
      if (problems.length) throw AppError.invalidFields(problems);
      const [before] = await tx.query(`SELECT flags FROM reply_authors WHERE brand_id = $1 AND network = $2 AND author_id = $3 FOR UPDATE`, [brandId, network, authorId]);
      await tx.query(
        `INSERT INTO reply_authors (brand_id, network, author_id, flags) VALUES ($1, $2, $3, $4)
         ON CONFLICT (brand_id, network, author_id) DO UPDATE SET flags = EXCLUDED.flags, updated_at = now()`,
        [brandId, network, authorId, flags],
      );
      await this.audit.record(tx, actor, {
        action: 'author.setFlags',
        subjectType: 'Brand',
        subjectId: brandId,
        brandId,
        scopeIds: global.scopeIds,
        before: { network, authorId, flags: before?.flags ?? [] },
        after: { network, authorId, flags },
      });
      return { brandId, network, authorId, flags };
    });
  }

  private async writable(tx: EntityManager, actor: Actor, id: string, action: 'update' | 'delete'): Promise<RoutingRuleEntity> {
    const rule = await tx.getRepository(RoutingRuleEntity).findOne({ where: { id: assertUuid(id, 'id') }, lock: { mode: 'pessimistic_write' } });
    if (!rule || !canRead(actor, 'RoutingRule', rule)) throw AppError.notFound('Routing rule');
    authorize(actor, action, 'RoutingRule', rule);
    return rule;
  }

  /** The domain's checks, and a queue of the same brand the caller can see. */
  private async validate(tx: EntityManager, actor: Actor, brandId: string, scopePageId: string, fields: Pick<RoutingRuleEntity, 'name' | 'conditions' | 'queueId' | 'priority' | 'tags' | 'enabled'>) {
    const issues = validateRoutingRule({ id: 'new', order: 0, scopePageId, name: fields.name, conditions: fields.conditions, enabled: fields.enabled, action: { queueId: fields.queueId, priority: fields.priority, tags: fields.tags } });
    // validateRoutingRule says when it is missing; the length is the stored column's.
    issues.push(...validateName(fields.name, 'name', { optional: true }));
    if (issues.length) throw AppError.invalidFields(issues);
    const queue = await this.queues.readable(tx, actor, fields.queueId);
    if (queue.brandId !== brandId) throw AppError.badInput('That queue is not of this brand', [{ field: 'queueId', message: 'is not a queue of this brand' }]);
  }

  private async lockScope(tx: EntityManager, scopePageId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('routing_rules:' || $1))`, [scopePageId]);
  }

  private async count(tx: EntityManager, scopePageId: string): Promise<number> {
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM routing_rules WHERE scope_page_id = $1`, [scopePageId]);
    return n;
  }
}

function conditionsOf(input: RoutingConditionsType | null | undefined): RoutingConditions {
  const list = (values: string[] | null | undefined) => (values ?? []).map((value) => value.trim()).filter((value, i, all) => all.indexOf(value) === i);
  return {
    networks: list(input?.networks).map((n) => n.toLowerCase()),
    countries: list(input?.countries).map((c) => c.toUpperCase()),
    segments: list(input?.segments),
    languages: list(input?.languages),
    keywords: list(input?.keywords),
    pattern: input?.pattern ? { source: input.pattern.source, flags: input.pattern.flags ?? '' } : null,
    authorFlags: list(input?.authorFlags),
  };
}

const clamp = (position: number, max: number) => Math.max(0, Math.min(position, Math.max(max, 0)));

function subjectOf(rule: RoutingRuleEntity) {
  return { subjectType: 'RoutingRule', subjectId: rule.id, brandId: rule.brandId, scopeIds: rule.scopeIds };
}
