import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

const ISSUER = 'pivot';
const AUDIENCE = 'pivot-admin';

/** Signs and checks access tokens (HS256, short-lived). */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  sign(userId: string): { token: string; expiresAt: Date } {
    const token = jwt.sign({}, this.config.jwtSecret, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { token, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }

  /** The user id the token was issued to, or null for anything invalid, expired or forged. */
  verify(token: string): string | null {
    try {
      const claims = jwt.verify(token, this.config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return typeof claims === 'object' && typeof claims.sub === 'string' ? claims.sub : null;
    } catch {
      return null;
    }
  }
}
