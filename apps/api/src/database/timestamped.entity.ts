import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** created_at and updated_at, set by TypeORM, as every table with them declares them. */
export abstract class Timestamped {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Timestamped, plus the optimistic-lock version TypeORM bumps on each save. */
export abstract class Versioned extends Timestamped {
  @VersionColumn()
  version: number;
}
