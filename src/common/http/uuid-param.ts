import { ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID's text form (any version), as PostgreSQL's uuid type reads it. */
export const isUuidText = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** `:id` must be a UUID; anything else is 404 like an id that does not exist (no hint about the id format). */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => new ApiError(404, 'not_found', 'Not found'),
});
