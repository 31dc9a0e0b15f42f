import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { badRequest } from '../errors/api-error';

/** Reads an optional `If-Match: "<version>"` header as a number; a malformed one is a 400, not ignored. */
export const IfMatchVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers['if-match'];
    if (header === undefined) return undefined;
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'If-Match', reason: 'must be the version number of the record, e.g. "3"' },
      ]);
    }
    return Number(match[1]);
  },
);
