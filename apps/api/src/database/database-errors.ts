import { QueryFailedError } from 'typeorm';
import { AppError } from '../errors/app-error';

const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';

/**
 * Races the service's own checks cannot see (two writers at once) surface as constraint
 * errors; they become CONFLICT for the client. Everything else is rethrown untouched and
 * ends up as an internal error whose SQL stays in the log.
 */
export function translateDatabaseError(error: unknown, conflictMessage: string): never {
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    if (code === UNIQUE_VIOLATION || code === SERIALIZATION_FAILURE || code === DEADLOCK) {
      throw AppError.conflict(conflictMessage);
    }
  }
  throw error;
}
