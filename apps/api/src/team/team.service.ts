import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asSubject, isRole, NAME_MAX_LENGTH, ROLE_SCOPE_KINDS, validateName, type Role } from '@pivot/domain';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import type { Actor } from '../auth/request-context';
import { User } from '../auth/user.entity';
import { translateDatabaseError } from '../database/database-errors';
import { AppError, assertUuid } from '../errors/app-error';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../graphql/connection';
import { Page } from '../hierarchy/page.entity';
import { abilityToSql, SUBJECT_FIELDS } from '../access/ability-sql';
import { authorize, authorizeType, canRead } from '../access/authorize';
import { RoleAssignment } from '../auth/role-assignment.entity';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A user as the rules see them: the brands and scopes of all their role assignments. */
export function userSubject(user: Pick<User, 'id'>, assignments: RoleAssignment[]) {
  return {
    id: user.id,
    brandIds: [...new Set(assignments.map((a) => a.brandId).filter((id): id is string => id !== null))],
    assignmentScopeIds: [...new Set(assignments.flatMap((a) => a.scopeIds))],
  };
}

/**
 * Teams and roles: who may see whom, invite, grant, revoke and disable. Every check is on the
 * exact rows (the assignment that would exist, the one being removed) and every change is
 * audited in its transaction.
 */
@Injectable()
export class TeamService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async listUsers(actor: Actor, args: { first?: number | null; after?: string | null; search?: string | null }): Promise<Connection<User>> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, 2);
    const readable = abilityToSql(actor.ability, 'read', 'User', SUBJECT_FIELDS.User('u'));
    const query = this.dataSource.getRepository(User).createQueryBuilder('u').where(readable.sql, readable.params);
    const search = args.search?.trim();
    if (search) query.andWhere('(u.email ILIKE :search OR u.display_name ILIKE :search)', { search: `%${search.replace(/[%_\\]/g, '\\$&')}%` });
    const totalCount = await query.clone().getCount();
    if (after) query.andWhere('(u.email, u.id) > (:afterEmail, :afterId)', { afterEmail: after[0], afterId: after[1] });
    const rows = await query.orderBy('u.email', 'ASC').addOrderBy('u.id', 'ASC').limit(size + 1).getMany();
    return toConnection(rows, size, totalCount, (user) => encodeCursor([user.email, user.id]));
  }

  /** Assignments of these users that the caller may read (one statement for a whole page of users). */
  async readableAssignments(actor: Actor, userIds: readonly string[]): Promise<RoleAssignment[]> {
    const readable = abilityToSql(actor.ability, 'read', 'RoleAssignment', SUBJECT_FIELDS.RoleAssignment('ra'));
    return this.dataSource
      .getRepository(RoleAssignment)
      .createQueryBuilder('ra')
      .where(readable.sql, readable.params)
      .andWhere('ra.user_id = ANY(:userIds)', { userIds: [...userIds] })
      .orderBy('ra.granted_at', 'ASC')
      .getMany();
  }

  async inviteUser(
    actor: Actor,
    input: { email: string; displayName: string; role: Role; scopePageId?: string | null },
  ): Promise<{ user: User; assignment: RoleAssignment; temporaryPassword: string }> {
    authorizeType(actor, 'invite', 'User');
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim();
    const problems = [];
    if (!EMAIL.test(email) || email.length > 254) problems.push({ field: 'email', message: 'is not an email address' });
    if (validateName(displayName).length) problems.push({ field: 'displayName', message: `must be 1–${NAME_MAX_LENGTH} characters` });
    if (problems.length) throw AppError.invalidFields(problems);
    const temporaryPassword = randomBytes(12).toString('base64url');
    const passwordHash = await this.hasher.hash(temporaryPassword);
    return this.dataSource
      .transaction(async (tx) => {
        const user = tx.create(User, { id: randomUUID(), email, displayName, passwordHash, disabled: false });
        const assignment = await this.newAssignment(tx, actor, user.id, input.role, input.scopePageId ?? null);
        if (await tx.existsBy(User, { email })) throw AppError.conflict(`A user with email ${email} already exists`);
        await tx.insert(User, user);
        await tx.insert(RoleAssignment, assignment);
        await this.audit.record(tx, actor, {
          action: 'user.invite',
          subjectType: 'User',
          subjectId: user.id,
          brandId: assignment.brandId,
          scopeIds: assignment.scopeIds,
          after: { email, displayName },
        });
        await this.auditGrant(tx, actor, 'role.grant', assignment);
        return { user, assignment, temporaryPassword };
      })
      .catch((error) => translateDatabaseError(error, `A user with email ${email} already exists`));
  }

  async grantRole(actor: Actor, input: { userId: string; role: Role; scopePageId?: string | null }): Promise<RoleAssignment> {
    const userId = assertUuid(input.userId, 'userId');
    return this.dataSource
      .transaction(async (tx) => {
        const user = await this.readableUser(tx, actor, userId);
        const assignment = await this.newAssignment(tx, actor, user.id, input.role, input.scopePageId ?? null);
        // IsNull for PLATFORM_ADMIN, which has no scope page: TypeORM refuses an undefined value (that was a 500).
        const duplicate = await tx.existsBy(RoleAssignment, { userId, role: assignment.role, scopePageId: assignment.scopePageId ?? IsNull() });
        if (duplicate) throw AppError.conflict('The user already holds this role here');
        await tx.insert(RoleAssignment, assignment);
        await this.auditGrant(tx, actor, 'role.grant', assignment);
        return assignment;
      })
      .catch((error) => translateDatabaseError(error, 'The user already holds this role here'));
  }

  async revokeRole(actor: Actor, assignmentId: string): Promise<RoleAssignment> {
    const id = assertUuid(assignmentId, 'assignmentId');
    return this.dataSource.transaction(async (tx) => {
      const assignment = await tx.findOne(RoleAssignment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!assignment) throw AppError.notFound('Role assignment');
      authorize(actor, 'revoke', 'RoleAssignment', assignment);
      await tx.delete(RoleAssignment, { id });
      await this.auditGrant(tx, actor, 'role.revoke', assignment);
      return assignment;
    });
  }

  /** Disabling is global, so the caller must govern every role the user holds. */
  async disableUser(actor: Actor, userId: string): Promise<User> {
    const id = assertUuid(userId, 'userId');
    return this.dataSource.transaction(async (tx) => {
      const user = await this.readableUser(tx, actor, id);
      const assignments = await tx.findBy(RoleAssignment, { userId: id });
      authorize(actor, 'disable', 'User', userSubject(user, assignments));
      const outside = assignments.filter((a) => !actor.ability.can('revoke', asSubject('RoleAssignment', a)));
      if (outside.length) throw new AppError('FORBIDDEN', 'The user also holds roles outside your scope; ask their other managers or a platform admin');
      if (user.disabled) return user;
      await tx.update(User, { id }, { disabled: true });
      await this.audit.record(tx, actor, {
        action: 'user.disable',
        subjectType: 'User',
        subjectId: id,
        brandId: assignments[0]?.brandId ?? null,
        scopeIds: [...new Set(assignments.flatMap((a) => a.scopeIds))],
        before: { disabled: false },
        after: { disabled: true },
      });
      return { ...user, disabled: true };
    });
  }

  private async readableUser(tx: EntityManager, actor: Actor, userId: string): Promise<User> {
    const user = await tx.findOneBy(User, { id: userId });
    if (!user) throw AppError.notFound('User');
    const assignments = await tx.findBy(RoleAssignment, { userId });
    if (!canRead(actor, 'User', userSubject(user, assignments))) throw AppError.notFound('User');
    return user;
  }

  /** The assignment a grant would create, checked: a valid role, at the right kind of page, that the caller may hand out. */
  private async newAssignment(tx: EntityManager, actor: Actor, userId: string, role: Role, scopePageId: string | null): Promise<RoleAssignment> {
    if (!isRole(role)) throw AppError.badInput('role is not a role', [{ field: 'role', message: 'is not a role' }]);
    let page: Page | null = null;
    if (role === 'PLATFORM_ADMIN') {
      if (scopePageId) throw AppError.badInput('PLATFORM_ADMIN is granted without a scope page', [{ field: 'scopePageId', message: 'must be empty for PLATFORM_ADMIN' }]);
    } else {
      if (!scopePageId) throw AppError.badInput(`${role} needs a scope page`, [{ field: 'scopePageId', message: 'is required' }]);
      page = await tx.findOneBy(Page, { id: assertUuid(scopePageId, 'scopePageId') });
      if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
      if (!ROLE_SCOPE_KINDS[role].includes(page.kind)) {
        throw AppError.badInput(`${role} is granted at a ${ROLE_SCOPE_KINDS[role].join(' or ')} page`, [
          { field: 'scopePageId', message: `must be a ${ROLE_SCOPE_KINDS[role].join(' or ')} page for ${role}` },
        ]);
      }
      if (page.status !== 'ACTIVE') throw AppError.badInput('The scope page is archived', [{ field: 'scopePageId', message: 'is archived' }]);
    }
    const assignment = tx.create(RoleAssignment, {
      id: randomUUID(),
      userId,
      role,
      brandId: page?.brandId ?? null,
      scopePageId: page?.id ?? null,
      scopeIds: page?.scopeIds ?? [],
      grantedById: actor.user.id,
      grantedAt: new Date(),
    });
    // The scope page was found readable above (and a platform role hides nothing): refusals are FORBIDDEN.
    authorize(actor, 'grant', 'RoleAssignment', assignment, [], true);
    return assignment;
  }

  private auditGrant(tx: EntityManager, actor: Actor, action: string, assignment: RoleAssignment): Promise<void> {
    const fields = { userId: assignment.userId, role: assignment.role, scopePageId: assignment.scopePageId };
    return this.audit.record(tx, actor, {
      action,
      subjectType: 'RoleAssignment',
      subjectId: assignment.id,
      brandId: assignment.brandId,
      scopeIds: assignment.scopeIds,
      before: action === 'role.revoke' ? fields : null,
      after: action === 'role.revoke' ? null : fields,
    });
  }
}
