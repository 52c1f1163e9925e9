import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { auditLogUnprotected } from '../database/database-roles';

/**
 * Says at boot when the API's own database role could rewrite the audit log (a superuser, or
 * the tables' owner: MIGRATION_DATABASE_URL unset, DATABASE_URL the owner's), which the
 * append-only trigger alone does not stop.
 */
@Injectable()
export class AuditProtectionCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await auditLogUnprotected(this.dataSource))) return;
    this.logger.warn(
      'The audit log is not protected: the API connects as a superuser or as the role that owns the tables, which can disable the audit trigger. ' +
        'Set DATABASE_URL to a role that owns nothing and MIGRATION_DATABASE_URL to the owner (README, Configuration).',
    );
  }
}
