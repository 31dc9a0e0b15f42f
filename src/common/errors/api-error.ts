import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldIssue {
  /** Path of the offending input, e.g. `availability[0].start`. */
  field: string;
  reason: string;
}

/**
 * At most this many field issues in one answer: a body with thousands of bad items gets the first of them, not
 * an answer thousands of times its size.
 */
export const MAX_FIELD_ISSUES = 50;

/** The one shape of every error the API returns (documented as `ErrorBody` in src/common/openapi/responses.ts). */
export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  details: FieldIssue[];
  requestId: string;
}

/** An expected failure with a stable machine-readable code; the filter turns it into an ErrorBody. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** Extra facts a client may act on (e.g. the current state, quota figures). */
    readonly context?: Record<string, unknown>,
  ) {
    super(message, status);
  }
}

export const notFound = (resource: string): ApiError =>
  new ApiError(HttpStatus.NOT_FOUND, 'not_found', `${resource} not found`);

export const conflict = (code: string, message: string, context?: Record<string, unknown>): ApiError =>
  new ApiError(HttpStatus.CONFLICT, code, message, [], context);

export const badRequest = (code: string, message: string, details: FieldIssue[] = []): ApiError =>
  new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
