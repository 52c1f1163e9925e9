import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { isUuid } from '../errors/app-error';

const ISSUER = 'pivot';
const AUDIENCE = 'pivot-admin';

/** Signs and checks access tokens (HS256, short-lived). */
@Injectable()
export class TokenService {
  /**
   * The secret as a key object, made once: given a string, jsonwebtoken first tries it as a
   * public key and fails (`createPublicKey` throws) on every request before taking it as a secret.
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  sign(userId: string): { token: string; expiresAt: Date } {
    const token = jwt.sign({}, this.key, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { token, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000) };
  }

  /**
   * The user id the token was issued to, or null for anything invalid, expired or forged.
   * jsonwebtoken checks `exp` only when present, so a signed token without one (or with a lifetime
   * longer than ours) would last for ever; a `sub` that is no UUID would reach SQL as a cast error.
   */
  verify(token: string): string | null {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string') return null;
      if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp - claims.iat > this.config.jwtTtlSeconds) return null;
      return isUuid(claims.sub) ? claims.sub.toLowerCase() : null;
    } catch {
      return null;
    }
  }
}
