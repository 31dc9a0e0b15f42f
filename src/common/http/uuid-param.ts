import { ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from '../errors/api-error';

/** `:id` must be a UUID; anything else is 404 like an id that does not exist (no hint about the id format). */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => new ApiError(404, 'not_found', 'Not found'),
});
