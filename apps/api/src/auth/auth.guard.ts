import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { requestOf } from './request-context';

/**
 * Global guard: every operation needs a valid bearer token unless marked @Public.
 * The actor is resolved once per HTTP request and shared by every root field of it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    if (!request.actor) {
      const token = bearerToken(request.headers.authorization);
      const requestId = typeof request.id === 'string' ? request.id : null;
      request.actor = token ? this.auth.actorFor(token, requestId) : Promise.resolve(null);
    }
    request.resolvedActor = await request.actor;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (!request.resolvedActor) throw AppError.unauthenticated();
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}
