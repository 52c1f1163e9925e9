import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SignedIn, type SignIn } from '../auth/signed-in.event';
import { AuditService } from './audit.service';

/** Sign-ins are part of the history, visible to whoever governs one of the user's roles. */
@Injectable()
export class SignInAudit implements OnModuleInit {
  constructor(
    private readonly signedIn: SignedIn,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.signedIn.subscribe((signIn) => this.record(signIn));
  }

  private record({ user, requestId, grants, address }: SignIn): Promise<void> {
    return this.dataSource.transaction((tx) =>
      this.audit.record(tx, { user, requestId }, {
        action: 'user.sign_in',
        subjectType: 'User',
        subjectId: user.id,
        brandId: grants.find((grant) => grant.brandId)?.brandId ?? null,
        scopeIds: [...new Set(grants.flatMap((grant) => grant.scopeIds))],
        after: { address },
      }),
    );
  }
}
