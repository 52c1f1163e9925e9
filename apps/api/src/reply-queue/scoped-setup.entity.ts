import { Column, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Versioned } from '../database/timestamped.entity';
import { Page } from '../hierarchy/page.entity';

/**
 * The columns every reply setup record shares (queues, routing rules, canned responses): a named
 * row of one brand, defined on a scope page and read under its subtree, versioned. A factory, not
 * a plain base class, because the key and foreign key carry the table's name, as the migrations
 * created them.
 */
export function ScopedSetupEntity(table: string) {
  abstract class ScopedSetup extends Versioned {
    @PrimaryColumn('uuid', { primaryKeyConstraintName: `PK_${table}` })
    id: string;

    @Column('uuid', { name: 'brand_id' })
    brandId: string;

    @Column('uuid', { name: 'scope_page_id' })
    scopePageId: string;

    @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
    @JoinColumn({ name: 'scope_page_id', foreignKeyConstraintName: `FK_${table}_scope_page` })
    scopePage?: Page;

    @Column('uuid', { name: 'scope_ids', array: true })
    scopeIds: string[];

    @Column('varchar', { length: 120 })
    name: string;
  }
  return ScopedSetup;
}
