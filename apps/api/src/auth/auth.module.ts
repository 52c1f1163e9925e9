import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbilityFactory } from '../access/ability.factory';
import { RoleAssignment } from '../access/role-assignment.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, RoleAssignment]), AuditModule],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    LoginRateLimiter,
    AuthResolver,
    AbilityFactory,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, AuthService, AbilityFactory],
})
export class AuthModule {}
