import { ApiError } from '../errors/api-error';
import { inheritedNameKeys, MAX_BODY_DEPTH, nestsDeeperThan, parseJsonBody } from './json-body';

const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
const refusal = (body: string): string => {
  try {
    parseJsonBody(body);
  } catch (error) {
    if (error instanceof ApiError) return `${error.getStatus()} ${error.message}`;
    throw error;
  }
  throw new Error('accepted');
};

describe('parseJsonBody', () => {
  it('parses a plain body, and an empty one as no body', () => {
    expect(parseJsonBody('{"firstName":"Kari","tags":["a"]}')).toEqual({ firstName: 'Kari', tags: ['a'] });
    expect(parseJsonBody('')).toBeUndefined();
  });

  it('refuses JSON that does not parse, with a 400 that does not echo the body', () => {
    expect(refusal('{"nationalId": 01017012345')).toBe('400 The request body is not valid JSON');
  });

  it('refuses __proto__ and constructor.prototype keys and leaves Object.prototype alone', () => {
    expect(refusal('{"__proto__":{"polluted":true}}')).toMatch(/^400 .*__proto__/);
    expect(refusal('{"constructor":{"prototype":{"polluted":true}}}')).toMatch(/^400 .*constructor/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`accepts ${MAX_BODY_DEPTH} levels of nesting and refuses one more`, () => {
    expect(parseJsonBody(nested(MAX_BODY_DEPTH))).toBeDefined();
    expect(refusal(nested(MAX_BODY_DEPTH + 1))).toBe(
      `400 The request body nests deeper than ${MAX_BODY_DEPTH} levels`,
    );
    expect(refusal(nested(100_000))).toMatch(/nests deeper/);
  });
});

describe('nestsDeeperThan', () => {
  it('counts arrays and objects alike and ignores scalars', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
  });
});

describe('inheritedNameKeys', () => {
  it('finds keys named like Object.prototype members at any depth, with their paths', () => {
    expect(inheritedNameKeys({ firstName: 'A', toString: 'x' })).toEqual(['toString']);
    expect(
      inheritedNameKeys({ availability: [{ day: 'mon', valueOf: 1 }], address: { hasOwnProperty: true } }),
    ).toEqual(['address.hasOwnProperty', 'availability[0].valueOf']);
    expect(inheritedNameKeys({ constructor: 'x', isPrototypeOf: 'y' })).toEqual([
      'constructor',
      'isPrototypeOf',
    ]);
    expect(inheritedNameKeys({ interests: ['toString'], name: 'valueOf' })).toEqual([]);
  });

  it('makes parseJsonBody refuse such a key as an unknown field', () => {
    let caught: unknown;
    try {
      parseJsonBody('{"firstName":"A","toString":"x"}');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).details).toEqual([
      { field: 'toString', reason: 'property toString should not exist' },
    ]);
  });
});
