import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AccessResolver } from './access.resolver';
import { AccessService } from './access.service';
import { RoleAssignment } from './role-assignment.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RoleAssignment]), AuthModule, AuditModule],
  providers: [AccessService, AccessResolver],
})
export class AccessModule {}
