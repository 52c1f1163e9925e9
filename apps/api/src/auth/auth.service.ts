import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError } from '../errors/app-error';
import { AbilityFactory } from './ability.factory';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import type { Actor } from './request-context';
import { SignedIn } from './signed-in.event';
import { TokenService } from './token.service';
import { User } from './user.entity';

const MAX_EMAIL = 254;
const MAX_PASSWORD = 1024;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly abilities: AbilityFactory,
    private readonly signedIn: SignedIn,
  ) {}

  /**
   * One generic error whatever was wrong (unknown email, wrong password, disabled account),
   * and the same work done in each case, so the answer tells nothing about who exists.
   */
  async login(email: string, password: string, address: string, requestId: string | null = null): Promise<{ token: string; expiresAt: Date; user: User }> {
    if (email.length > MAX_EMAIL || password.length > MAX_PASSWORD) throw invalidCredentials();
    await this.limiter.consume(email.trim(), address);
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabled) throw invalidCredentials();
    const { token, expiresAt } = this.tokens.sign(user.id);
    const { grants } = await this.abilities.forUser(user.id);
    await this.signedIn.publish({ user, requestId, grants, address });
    return { token, expiresAt, user };
  }

  /** The actor behind a bearer token, or null when the token or its user is no longer valid. */
  async actorFor(token: string, requestId: string | null): Promise<Actor | null> {
    const userId = this.tokens.verify(token);
    if (!userId) return null;
    const [user, { grants, ability }] = await Promise.all([
      this.users.findOne({ where: { id: userId } }),
      this.abilities.forUser(userId),
    ]);
    if (!user || user.disabled) return null;
    return { user, grants, ability, requestId };
  }
}

function invalidCredentials(): AppError {
  return AppError.unauthenticated('Invalid email or password');
}
