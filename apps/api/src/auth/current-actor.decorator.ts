import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { requestOf, type Actor } from './request-context';

/** The signed-in caller, settled by AuthGuard before any resolver runs. */
export const CurrentActor = createParamDecorator(async (_data: unknown, context: ExecutionContext): Promise<Actor> => {
  const actor = await requestOf(context).actor;
  if (!actor) throw AppError.unauthenticated();
  return actor;
});
