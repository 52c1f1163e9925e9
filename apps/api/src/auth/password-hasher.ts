import { Injectable } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the enum is an ambient const enum, unusable as a value under isolatedModules. */
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1).
 * A fixed dummy hash lets a sign-in for an unknown email cost the same as a real one.
 */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.dummy ??= this.hash('pivot-timing-equaliser');
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
