import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { AuthPayload, UserType } from './auth.types';
import { CurrentActor } from './current-actor.decorator';
import { Public } from './public.decorator';
import type { Actor, PivotRequest } from './request-context';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in; wrong credentials give one generic UNAUTHENTICATED error.' })
  async login(
    @Args('email', { type: () => String }) email: string,
    @Args('password', { type: () => String }) password: string,
    @Context('req') req: PivotRequest,
  ): Promise<AuthPayload> {
    const { token, expiresAt, user } = await this.auth.login(email, password, req.ip ?? '', typeof req.id === 'string' ? req.id : null);
    return { accessToken: token, expiresAt, user };
  }

  @Query(() => UserType, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): UserType {
    return actor.user;
  }
}
