import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'users' })
@Index('UQ_users_email', ['email'], { unique: true })
export class User {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id: string;

  /** Stored lower-cased: sign-in is case-insensitive on the email. */
  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { name: 'display_name', length: 120 })
  displayName: string;

  /** argon2id, PHC string format. */
  @Column('varchar', { name: 'password_hash', length: 255 })
  passwordHash: string;

  @Column('boolean', { default: false })
  disabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
