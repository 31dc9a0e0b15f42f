import { ApiParam } from '@nestjs/swagger';
import { TOKEN_PATTERN } from '../secret-token';

/**
 * Documents a `:token` path parameter that is a link's own key (a signing link, a calendar feed): the shape
 * `newSecretToken()` makes. Any other string is answered like an unknown link.
 */
export const ApiSecretTokenParam = (description: string): MethodDecorator =>
  ApiParam({
    name: 'token',
    description,
    schema: { type: 'string', maxLength: 43, pattern: TOKEN_PATTERN.source },
  });
