import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { User } from './user.entity';

/** What the server knows about the caller of one HTTP request. */
export interface Actor {
  user: User;
}

export type PivotRequest = Request & { actor?: Promise<Actor | null>; id?: unknown };

export function requestOf(context: ExecutionContext): PivotRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: PivotRequest }>().req;
  }
  return context.switchToHttp().getRequest<PivotRequest>();
}
