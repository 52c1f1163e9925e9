import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    LoginRateLimiter,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, AuthService],
})
export class AuthModule {}
