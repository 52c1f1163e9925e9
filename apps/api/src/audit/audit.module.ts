import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { AuditEntry } from './audit-entry.entity';
import { AuditProtectionCheck } from './audit-protection';
import { AuditQueryService } from './audit-query.service';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { SignInAudit } from './sign-in-audit';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), AuthModule],
  providers: [AuditService, AuditQueryService, AuditResolver, AuditProtectionCheck, SignInAudit],
  exports: [AuditService],
})
export class AuditModule {}
