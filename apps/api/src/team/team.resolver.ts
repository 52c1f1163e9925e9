import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { packRules } from '@pivot/domain';
import DataLoader from 'dataloader';
import { UserType } from '../auth/auth.types';
import { CurrentActor } from '../auth/current-actor.decorator';
import { actorOf, type Actor, type PivotRequest } from '../auth/request-context';
import type { User } from '../auth/user.entity';
import { TeamService } from './team.service';
import { GrantRoleInput, InvitePayload, InviteUserInput, RoleAssignmentType, UserConnection } from '../access/access.types';
import type { RoleAssignment } from '../auth/role-assignment.entity';

@Resolver(() => UserType)
export class TeamResolver {
  /** Per request: every user's visible roles in one statement. */
  private readonly rolesLoaders = new WeakMap<object, DataLoader<string, RoleAssignment[]>>();

  constructor(private readonly access: TeamService) {}

  @Query(() => UserConnection, { description: 'Users the caller may see (their team), by email.' })
  users(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
  ) {
    return this.access.listUsers(actor, { first, after, search });
  }

  @Mutation(() => InvitePayload, { description: 'Creates an account with a first role; the caller must be allowed to grant that role there.' })
  inviteUser(@CurrentActor() actor: Actor, @Args('input', { type: () => InviteUserInput }) input: InviteUserInput) {
    return this.access.inviteUser(actor, input);
  }

  @Mutation(() => RoleAssignmentType)
  grantRole(@CurrentActor() actor: Actor, @Args('input', { type: () => GrantRoleInput }) input: GrantRoleInput) {
    return this.access.grantRole(actor, input);
  }

  @Mutation(() => RoleAssignmentType, { description: 'Takes effect on the holder’s next request.' })
  revokeRole(@CurrentActor() actor: Actor, @Args('assignmentId', { type: () => ID }) assignmentId: string) {
    return this.access.revokeRole(actor, assignmentId);
  }

  @Mutation(() => UserType)
  disableUser(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }) userId: string) {
    return this.access.disableUser(actor, userId);
  }

  @ResolveField(() => [RoleAssignmentType], { description: 'The roles of this user that the caller may see.' })
  roles(@Parent() user: User, @Context('req') req: PivotRequest) {
    let loader = this.rolesLoaders.get(req);
    if (!loader) {
      const actor = actorOf(req);
      loader = new DataLoader(async (userIds: readonly string[]) => {
        const rows = await this.access.readableAssignments(actor, userIds);
        return userIds.map((id) => rows.filter((row) => row.userId === id));
      });
      this.rolesLoaders.set(req, loader);
    }
    return loader.load(user.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "The caller's own CASL rules, packed (JSON), for the admin app to hide what they may not do; null for other users.",
  })
  abilities(@Parent() user: User, @Context('req') req: PivotRequest): string | null {
    const actor = actorOf(req);
    return user.id === actor.user.id ? JSON.stringify(packRules(actor.ability.rules)) : null;
  }
}
