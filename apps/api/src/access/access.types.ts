import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '@pivot/domain';
import { UserType } from '../auth/auth.types';
import { ConnectionType } from '../graphql/connection';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do at a scope page (DESIGN §4).' });

@ObjectType('RoleAssignment', { description: 'A role held by a user at a scope page.' })
export class RoleAssignmentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  userId: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true })
  brandId: string | null;

  @Field(() => ID, { nullable: true, description: 'null for PLATFORM_ADMIN.' })
  scopePageId: string | null;

  @Field(() => [ID], { description: "The scope page's scope (its id and ancestors'); empty for PLATFORM_ADMIN." })
  scopeIds: string[];

  @Field(() => Date)
  grantedAt: Date;
}

export const UserConnection = ConnectionType(UserType, 'User');

@ObjectType('InvitePayload')
export class InvitePayload {
  @Field(() => UserType)
  user: UserType;

  @Field(() => RoleAssignmentType)
  assignment: RoleAssignmentType;

  @Field(() => String, { description: 'Shown once: the invited person signs in with it. Pivot keeps only its hash.' })
  temporaryPassword: string;
}

@InputType()
export class InviteUserInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'The page the role is granted at; null only for PLATFORM_ADMIN.' })
  scopePageId?: string | null;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  userId: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'null only for PLATFORM_ADMIN.' })
  scopePageId?: string | null;
}

