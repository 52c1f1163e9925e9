import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors/app-error';

const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';

/**
 * Unique constraints that are the only check of their rule (it spans brands, or no lock covers
 * it): what the client is told, and about which input field, when one refuses a write.
 */
const UNIQUE_RULES: Record<string, { message: string; field: string }> = {
  UQ_pages_active_network_external_id: { message: 'Another active page on this network already has this external id', field: 'externalId' },
};

/**
 * Races the service's own checks cannot see (two writers at once) surface as constraint
 * errors; they become CONFLICT for the client. Everything else is rethrown untouched and
 * ends up as an internal error whose SQL stays in the log.
 */
export function translateDatabaseError(error: unknown, conflictMessage: string): never {
  if (error instanceof QueryFailedError) {
    const { code, constraint } = (error.driverError ?? {}) as { code?: string; constraint?: string };
    const rule = code === UNIQUE_VIOLATION && constraint ? UNIQUE_RULES[constraint] : undefined;
    if (rule) throw new AppError('CONFLICT', rule.message, { fields: [{ field: rule.field, message: 'is taken' }] });
    if (code === UNIQUE_VIOLATION || code === SERIALIZATION_FAILURE || code === DEADLOCK) {
      throw AppError.conflict(conflictMessage);
    }
  }
  throw error;
}
