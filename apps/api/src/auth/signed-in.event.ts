import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../events/domain-event';
import type { RoleAssignment } from './role-assignment.entity';
import type { User } from './user.entity';

export interface SignIn {
  user: User;
  requestId: string | null;
  /** The user's roles at sign-in: who governs one of them may read the entry. */
  grants: readonly RoleAssignment[];
  /** The client address the sign-in came from. */
  address: string;
}

/** Announced by every successful sign-in, after its checks; the audit log records it. */
@Injectable()
export class SignedIn extends DomainEvent<SignIn> {}
