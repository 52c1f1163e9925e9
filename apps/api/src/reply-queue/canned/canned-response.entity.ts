import type { CannedResponseVariant } from '@pivot/domain';
import { Column, Entity, Index } from 'typeorm';
import { ScopedSetupEntity } from '../scoped-setup.entity';

/** A reply moderators pick instead of typing, one body per language, with placeholders. */
@Entity({ name: 'canned_responses' })
@Index('IDX_canned_responses_brand', ['brandId', 'name'])
// GIN on scope_ids, created by the migration.
@Index('IDX_canned_responses_scope', { synchronize: false })
export class CannedResponse extends ScopedSetupEntity('canned_responses') {
  @Column('jsonb')
  variants: CannedResponseVariant[];
}
