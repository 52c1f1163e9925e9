import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  brandId: string | null;
  scopeIds: string[];
  before?: object | null;
  after?: object | null;
  /** Fields to compare; defaults to every key of before and after. */
  fields?: readonly string[];
}

/**
 * Writes audit entries inside the caller's transaction: the entry exists exactly when the
 * change does. Only changed fields are kept, each with its before and after value.
 */
@Injectable()
export class AuditService {
  async record(tx: EntityManager, actor: Pick<Actor, 'user' | 'requestId'> | null, record: AuditRecord): Promise<void> {
    const entry = tx.create(AuditEntry, {
      id: randomUUID(),
      actorId: actor?.user.id ?? null,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      brandId: record.brandId,
      scopeIds: record.scopeIds,
      changes: changedFields(record.before ?? null, record.after ?? null, record.fields),
      requestId: actor?.requestId ?? null,
    });
    // TypeORM's insert typing cannot express a jsonb Record column; the entity is complete.
    await tx.insert(AuditEntry, entry as never);
  }
}

const NOT_AUDITED = new Set(['version', 'createdAt', 'updatedAt', 'passwordHash', 'scopeIds']);

export function changedFields(
  before: object | null,
  after: object | null,
  fields?: readonly string[],
): Record<string, { before: unknown; after: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = fields ?? [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    if (NOT_AUDITED.has(key)) continue;
    const was = b[key] ?? null;
    const is = a[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[key] = { before: was, after: is };
  }
  return changes;
}
