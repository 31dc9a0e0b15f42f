import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiError } from './api-error';

/** SQLSTATE codes the service acts on (PostgreSQL appendix A). */
export const PgCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  notNullViolation: '23502',
  invalidTextRepresentation: '22P02',
  characterNotInRepertoire: '22021',
  untranslatableCharacter: '22P05',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** Constraint name → the sentence a client reads. Contexts register their own constraints here. */
const constraintMessages = new Map<string, string>();

export function describeConstraints(messages: Record<string, string>): void {
  for (const [name, message] of Object.entries(messages)) constraintMessages.set(name, message);
}

export function pgErrorCode(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    return (error.driverError as { code?: string }).code;
  }
  return (error as { code?: string } | null)?.code;
}

/** Maps violations of the database's own invariants to a 409 (or 400) with a clear message, or undefined. */
export function apiErrorFromDatabase(error: unknown): ApiError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  const known = driverError.constraint ? constraintMessages.get(driverError.constraint) : undefined;
  switch (driverError.code) {
    case PgCode.uniqueViolation:
      return new ApiError(
        HttpStatus.CONFLICT,
        'already_exists',
        known ?? 'A record with these values already exists',
      );
    case PgCode.exclusionViolation:
      return new ApiError(HttpStatus.CONFLICT, 'overlap', known ?? 'The time overlaps an existing booking');
    case PgCode.foreignKeyViolation:
      return new ApiError(
        HttpStatus.CONFLICT,
        'reference_violation',
        known ?? 'A referenced record does not exist or is still in use',
      );
    case PgCode.checkViolation:
      return new ApiError(
        HttpStatus.CONFLICT,
        'rule_violation',
        known ?? 'The change breaks a rule of the register',
      );
    // Text PostgreSQL cannot store (U+0000 in a UTF-8 database): the client's input, not our fault.
    case PgCode.characterNotInRepertoire:
    case PgCode.untranslatableCharacter:
      return new ApiError(
        HttpStatus.BAD_REQUEST,
        'invalid_text',
        'The request holds text with a character that cannot be stored (such as U+0000)',
      );
    case PgCode.serializationFailure:
    case PgCode.deadlockDetected:
      return new ApiError(
        HttpStatus.CONFLICT,
        'concurrent_update',
        'Another change happened at the same time; try again',
      );
    default:
      return undefined;
  }
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** True when the error means PostgreSQL cannot be reached right now (answer 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = pgErrorCode(error) ?? (error as { driverError?: { code?: string } } | null)?.driverError?.code;
  if (code && unavailableCodes.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    message,
  );
}

/** Whether the error is the database refusing a duplicate through that unique index or constraint. */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === PgCode.uniqueViolation && driverError.constraint === constraint;
}
