import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Timestamped } from '../database/timestamped.entity';

@Entity({ name: 'users' })
@Index('UQ_users_email', ['email'], { unique: true })
export class User extends Timestamped {
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
}
