import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbilityFactory } from './ability.factory';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { RoleAssignment } from './role-assignment.entity';
import { SignedIn } from './signed-in.event';
import { TokenService } from './token.service';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, RoleAssignment])],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    LoginRateLimiter,
    AuthResolver,
    AbilityFactory,
    SignedIn,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, AuthService, AbilityFactory, SignedIn],
})
export class AuthModule {}
