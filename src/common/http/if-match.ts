import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { badRequest } from '../errors/api-error';

const IF_MATCH = /^(?:W\/)?"?(\d{1,9})"?$/;

/** Reads an optional `If-Match: "<version>"` header as a number; a malformed one is a 400, not ignored. */
export const IfMatchVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>()
      .headers['if-match'];
    if (header === undefined) return undefined;
    const match = IF_MATCH.exec(header.trim());
    if (!match) {
      throw badRequest('validation_failed', 'The request is invalid', [
        { field: 'If-Match', reason: 'must be the version number of the record, e.g. "3"' },
      ]);
    }
    return Number(match[1]);
  },
);

/** Documents the optional If-Match header that `IfMatchVersion` reads (the document then lists its 412). */
export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The version you read (e.g. "3"): the write is refused with 412 when the record changed since',
    schema: { type: 'string', maxLength: 14, pattern: IF_MATCH.source },
  });
