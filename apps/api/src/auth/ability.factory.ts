import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { defineAbilityFor, type PivotAbility } from '@pivot/domain';
import type { Repository } from 'typeorm';
import { RoleAssignment } from './role-assignment.entity';

/**
 * Builds a caller's ability from their role assignments, fresh for every request, so a
 * revoked role stops working on the very next call.
 */
@Injectable()
export class AbilityFactory {
  constructor(@InjectRepository(RoleAssignment) private readonly assignments: Repository<RoleAssignment>) {}

  async forUser(userId: string): Promise<{ grants: RoleAssignment[]; ability: PivotAbility }> {
    const grants = await this.assignments.find({ where: { userId } });
    return { grants, ability: defineAbilityFor({ userId, grants }) };
  }
}
