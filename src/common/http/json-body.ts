import { HttpStatus } from '@nestjs/common';
import secureJson from 'secure-json-parse';
import { ApiError } from '../errors/api-error';

/** No body of ours nests deeper than a few levels; validation walks bodies recursively, so a deeper one is refused. */
export const MAX_BODY_DEPTH = 16;

/** Whether a parsed JSON value nests objects or arrays deeper than `limit`, walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Names every object inherits: no body field of ours is called so, and class-transformer would skip them. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The paths of keys named like Object.prototype's members (`toString`, `valueOf`, `hasOwnProperty`, …). The
 * whitelist in validation never sees them as unknown (they look declared on every object), so they are refused
 * here, like any unknown key.
 */
export function inheritedNameKeys(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const isList = Array.isArray(current);
    for (const [key, child] of Object.entries(current)) {
      const childPath = isList ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isList && INHERITED_NAMES.has(key)) found.push(childPath);
      stack.push([child, childPath]);
    }
  }
  return found.sort();
}

/**
 * A JSON request body, through secure-json-parse: a `__proto__` or `constructor.prototype` key is refused (400)
 * before any code sees it, and so is a body nested deeper than MAX_BODY_DEPTH. An empty body is no body, as a
 * client that always sends `Content-Type: application/json` expects.
 */
export function parseJsonBody(body: string): unknown {
  if (body.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = secureJson.parse(body, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const forbidden = error instanceof SyntaxError && error.message.startsWith('Object contains forbidden');
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'bad_request',
      forbidden
        ? 'The request body may not hold a __proto__ or constructor.prototype key'
        : 'The request body is not valid JSON',
    );
  }
  if (nestsDeeperThan(parsed, MAX_BODY_DEPTH)) {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'bad_request',
      `The request body nests deeper than ${MAX_BODY_DEPTH} levels`,
    );
  }
  const inherited = inheritedNameKeys(parsed);
  if (inherited.length > 0) {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      'The request is invalid',
      inherited.map((field) => ({ field, reason: `property ${field.split('.').at(-1)} should not exist` })),
    );
  }
  return parsed;
}
