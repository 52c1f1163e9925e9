import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { PivotAbility } from '@pivot/domain';
import type { Request } from 'express';
import type { RoleAssignment } from './role-assignment.entity';
import { AppError } from '../errors/app-error';
import type { User } from './user.entity';

/** Who is calling, and what they may do: built once per request by AuthGuard. */
export interface Actor {
  user: User;
  grants: RoleAssignment[];
  ability: PivotAbility;
  /** The request id of the call, recorded with every audit entry it causes. */
  requestId: string | null;
}

export type PivotRequest = Request & {
  actor?: Promise<Actor | null>;
  /** The settled actor, set by AuthGuard before any resolver runs. */
  resolvedActor?: Actor | null;
  id?: unknown;
};

export function requestOf(context: ExecutionContext): PivotRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: PivotRequest }>().req;
  }
  return context.switchToHttp().getRequest<PivotRequest>();
}

/** The signed-in actor of a request whose guard already ran. */
export function actorOf(req: PivotRequest): Actor {
  if (!req.resolvedActor) throw AppError.unauthenticated();
  return req.resolvedActor;
}
