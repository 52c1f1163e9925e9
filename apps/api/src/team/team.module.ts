import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { RoleAssignment } from '../auth/role-assignment.entity';
import { TeamResolver } from './team.resolver';
import { TeamService } from './team.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoleAssignment]), AuthModule, AuditModule],
  providers: [TeamService, TeamResolver],
})
export class TeamModule {}
