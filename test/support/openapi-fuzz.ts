import fc from 'fast-check';

/**
 * Random and malformed requests derived from the OpenAPI document: a valid-ish value per schema (types, enums,
 * ranges, and the shape of each property's example), then mutations of it (wrong types, nulls, huge strings,
 * nested garbage, unknown keys, prototype keys, arrays for objects). Used by test/fuzz.e2e-spec.ts, so an
 * endpoint added tomorrow is fuzzed without anyone writing a line for it.
 */

export interface Schema {
  pattern?: string;
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-rate-limit'?: { limit: number; windowSeconds: number };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

export interface WriteEndpoint {
  method: WriteMethod;
  /** OpenAPI path, e.g. `/groups/{id}/members/{serviceUserId}`. */
  path: string;
  pathParams: string[];
  queryParams: Parameter[];
  ifMatch: boolean;
  body?: Schema;
  /** The route has a budget of its own (`x-rate-limit`), which a fuzz run may use up: its 429 is an answer. */
  ownRateLimit: boolean;
}

/** Every POST/PUT/PATCH/DELETE of the document, with or without a request body. */
export function writeEndpoints(document: OpenApiDocument): WriteEndpoint[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    WRITE_METHODS.filter((method) => operations[method]).map((method) => {
      const operation = operations[method];
      const parameters = operation.parameters ?? [];
      const declaredPathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      return {
        method,
        path,
        pathParams: [...new Set([...templated, ...declaredPathParams])],
        queryParams: parameters.filter((p) => p.in === 'query'),
        ifMatch: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
        body: operation.requestBody?.content?.['application/json']?.schema,
        ownRateLimit: operation['x-rate-limit'] !== undefined,
      };
    }),
  );
}

/**
 * The kind of record a path parameter or an `…Id` property names, as a URL segment: `serviceUserId` →
 * `service-users`, `{id}` in `/groups/{id}/close` → `groups`.
 */
export function kindOf(name: string, path?: string): string | undefined {
  if (name === 'id' && path) {
    const segments = path.split('/');
    const index = segments.indexOf('{id}');
    return index > 0 ? segments[index - 1] : undefined;
  }
  const match = /^(.+?)Id$/.exec(name);
  if (!match) return undefined;
  const kebab = match[1].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return kebab.endsWith('s') ? kebab : `${kebab}s`;
}

/** Real record ids the generator may use, by kind; `foreign` are another municipality's. */
export interface IdPool {
  own: Record<string, string[]>;
  foreign: Record<string, string[]>;
}

export interface FuzzContext {
  document: OpenApiDocument;
  ids: IdPool;
  /** Valid synthetic fødselsnumre, for properties whose example is one. */
  nationalIds: string[];
  today: string;
}

const allIds = (pool: Record<string, string[]>): string[] => Object.values(pool).flat();

function resolve(schema: Schema, document: OpenApiDocument, depth = 0): Schema {
  if (schema.$ref && depth < 10) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document.components?.schemas?.[name] ?? {}, document, depth + 1);
  }
  const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (parts && parts.length > 0) {
    const { allOf: _a, oneOf: _o, anyOf: _n, ...own } = schema;
    const merged = parts.map((part) => resolve(part, document, depth + 1));
    return merged.reduce<Schema>(
      (acc, part) => ({
        ...part,
        ...acc,
        properties: { ...part.properties, ...acc.properties },
        required: [...(acc.required ?? []), ...(part.required ?? [])],
      }),
      own,
    );
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------------------------
// Garbage: values of every JSON type, edge numbers and strings PostgreSQL or a validator may choke on.

const HUGE_LENGTHS = [101, 256, 1001, 5000, 20_000, 60_000];

const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\u0000',
  '😀'.repeat(50),
  'ø'.repeat(300),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  '24:00',
  '23:60',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  "' OR '1'='1",
  '"; DROP TABLE contacts; --',
  '<script>alert(1)</script>',
  '%s%s%n',
  '../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  '5E7D0001-0000-4000-8000-00000000000Z',
);

const edgeNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1.005,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  99_999_999_999,
);

function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export function garbage(ctx: FuzzContext): fc.Arbitrary<unknown> {
  const ids = allIds(ctx.ids.own).concat(allIds(ctx.ids.foreign));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 2, arbitrary: edgeNumbers },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 3, arbitrary: edgeStrings },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_LENGTHS).map((n) => 'x'.repeat(n)) },
    { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(20, 200), fc.constantFrom<'array' | 'object'>('array', 'object'))
        .map(([depth, kind]) => deeplyNested(depth, kind)),
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Valid-ish values: what the schema and its example say, so many cases get past validation to the service.

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Strings recognised by their property name (or example): what a form would hold. */
const NAMED_STRINGS: [RegExp, fc.Arbitrary<string>][] = [
  [/email|@/i, fc.stringMatching(/^[a-z]{1,10}\.[a-z]{1,10}@[a-z]{2,10}\.no$/)],
  [/phone|^\+\d/i, fc.stringMatching(/^\+47 [49]\d{7}$/)],
  [/language/i, fc.constantFrom('nb', 'nn', 'en', 'ar', 'so', 'pl')],
];

/** A pattern from the document, when it is a real regular expression (some are prose, like `HH:MM`). */
function patternOf(schema: Schema): RegExp | undefined {
  if (!schema.pattern || !/[\^$[\]\\]/.test(schema.pattern)) return undefined;
  try {
    return new RegExp(schema.pattern);
  } catch {
    return undefined;
  }
}

/** Dates around today; a name like `validTo` or `endsOn` leans to the future, `validFrom`/`startsOn` to the past. */
function dateNear(name: string, today: string): fc.Arbitrary<string> {
  const [min, max] = /(to|end|until|expires)/i.test(name)
    ? [0, 500]
    : /(from|start|since|decided|signed|issued|presented)/i.test(name)
      ? [-500, 0]
      : [-800, 800];
  return fc.integer({ min, max }).map((d) => shiftDays(today, d));
}

function stringLike(name: string, schema: Schema, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const example = typeof schema.example === 'string' ? schema.example : undefined;
  const kind = kindOf(name);
  // A property naming a record of a kind the pool knows (contactId, serviceUserId, groupId, …): real ids.
  if (schema.format === 'uuid' || (kind && ctx.ids.own[kind] !== undefined)) {
    const own = kind ? (ctx.ids.own[kind] ?? []) : [];
    const foreign = kind ? (ctx.ids.foreign[kind] ?? []) : [];
    const any = allIds(ctx.ids.own);
    return fc.oneof(
      { weight: 6, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.uuid() },
      { weight: 1, arbitrary: any.length > 0 ? fc.constantFrom(...any) : fc.uuid() },
      { weight: 1, arbitrary: foreign.length > 0 ? fc.constantFrom(...foreign) : fc.uuid() },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }
  if (schema.format === 'date-time') {
    return dateNear(name, ctx.today).map((date) => `${date}T12:00:00.000Z`);
  }
  if (schema.format === 'date' || (example && /^\d{4}-\d{2}-\d{2}$/.test(example))) {
    return dateNear(name, ctx.today);
  }
  if (example && /^\d{2}:\d{2}$/.test(example)) {
    // `start` in the morning, `end` in the afternoon, so most slots are well-formed.
    const [min, max] = /start|from/i.test(name) ? [6, 13] : /end|to/i.test(name) ? [14, 22] : [6, 22];
    return fc
      .tuple(fc.integer({ min, max }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  }
  if (example && /^\d{11}$/.test(example) && ctx.nationalIds.length > 0) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ctx.nationalIds) },
      { weight: 1, arbitrary: fc.stringMatching(/^\d{11}$/) },
    );
  }
  if (example && /^\d{4}$/.test(example)) {
    return fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  }
  const pattern = patternOf(schema);
  if (pattern) return fc.oneof(fc.stringMatching(pattern), ...(example ? [fc.constant(example)] : []));
  const named = NAMED_STRINGS.find(
    ([test]) => test.test(name) || (example !== undefined && test.test(example)),
  );
  if (named) return example === undefined ? named[1] : fc.oneof(named[1], fc.constant(example));
  const minLength = schema.minLength ?? 1;
  const text = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
  return example === undefined
    ? text
    : fc.oneof({ weight: 2, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: text });
}

/** Mostly integers (ints are `number` in the document too), sometimes two decimals; near the example when unbounded. */
function numberLike(schema: Schema): fc.Arbitrary<number> {
  const example = typeof schema.example === 'number' ? schema.example : undefined;
  const spread = example === undefined ? 100 : Math.max(1, Math.abs(example) * 0.02);
  const min = schema.minimum ?? (example === undefined ? 0 : example - spread);
  const max = schema.maximum ?? (example === undefined ? 100 : example + spread);
  const hundredths = fc
    .integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) })
    .map((n) => n / 100);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
    { weight: example === undefined ? 0 : 2, arbitrary: fc.constant(example ?? 0) },
    { weight: example === undefined || Number.isInteger(example) ? 1 : 3, arbitrary: hundredths },
  );
}

export function validish(name: string, raw: Schema, ctx: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw, ctx.document);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (depth > 6) return fc.constant(null);
  if (schema.type === 'array' || Array.isArray(schema.example)) {
    const example = Array.isArray(schema.example) ? schema.example : undefined;
    const itemSchema = schema.items ? resolve(schema.items, ctx.document) : undefined;
    const primitiveItems = !itemSchema?.properties && itemSchema?.type !== 'array';
    // Lists of codes (languages, interests) take their codes from the example; object items from their schema.
    const items =
      example && example.length > 0 && primitiveItems
        ? fc.constantFrom(...example)
        : itemSchema
          ? validish(name.replace(/s$/, ''), itemSchema, ctx, depth + 1)
          : fc.string({ maxLength: 10 });
    const array = fc.uniqueArray(items, {
      minLength: schema.minItems ?? 0,
      maxLength: schema.maxItems ?? 3,
      selector: (v) => JSON.stringify(v),
    });
    return example ? fc.oneof(fc.constant(example), fc.subarray(example), array) : array;
  }
  if (schema.properties && Object.keys(schema.properties).length > 0) {
    const properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, validish(key, value, ctx, depth + 1)]),
    );
    return fc.record(properties, { requiredKeys: schema.required ?? [] });
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return numberLike(schema);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringLike(name, schema, ctx);
    case 'object': {
      // `string | null` properties come out as `type: object`; their example says what they hold.
      const kind = kindOf(name);
      if (
        (schema.example !== undefined && typeof schema.example !== 'object') ||
        schema.format ||
        (kind && ctx.ids.own[kind] !== undefined) ||
        NAMED_STRINGS.some(([pattern]) => pattern.test(name))
      ) {
        return fc.oneof(
          { weight: 4, arbitrary: stringLike(name, { ...schema, type: 'string' }, ctx) },
          { weight: 1, arbitrary: fc.constant(null) },
        );
      }
      if (schema.minimum !== undefined || schema.maximum !== undefined) {
        return fc.oneof(numberLike({ ...schema, type: 'integer' }), fc.constant(null));
      }
      // Without an example it is most often a `string | null` too.
      return fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
        { weight: 1, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
            maxKeys: 3,
          }),
        },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations of a valid-ish value.

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(path);
  if (depth > 5 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out, depth + 1));
  else for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out, depth + 1);
  return out;
}

type Mutation =
  | { op: 'replace'; value: unknown }
  | { op: 'weird'; number: unknown; string: unknown; other: unknown }
  | { op: 'delete' }
  | { op: 'addKey'; key: string; value: unknown }
  | { op: 'wrapInArray' }
  | { op: 'emptyObject' }
  | { op: 'emptyArray' };

const UNKNOWN_KEYS = fc.oneof(
  fc.constantFrom(
    'role',
    'municipalityId',
    'contactId',
    'id',
    'version',
    'createdAt',
    'updatedAt',
    'nationalId',
    'status',
    'isAdmin',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '$where',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

/** A value of the same JSON type as the one replaced, at its edges: 5e-324 for a number, U+0000 in a string. */
function sameTypeButWeird(ctx: FuzzContext) {
  return fc
    .record({
      number: fc.oneof(edgeNumbers, fc.double({ noNaN: true, noDefaultInfinity: true })),
      string: fc.oneof(
        edgeStrings,
        fc.constantFrom(...HUGE_LENGTHS).map((n) => 'x'.repeat(n)),
      ),
      other: garbage(ctx),
    })
    .map((weird) => ({ op: 'weird' as const, ...weird }));
}

function mutation(ctx: FuzzContext): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 4, arbitrary: sameTypeButWeird(ctx) },
    { weight: 5, arbitrary: garbage(ctx).map((value) => ({ op: 'replace' as const, value })) },
    { weight: 2, arbitrary: fc.constant({ op: 'replace' as const, value: null }) },
    { weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(UNKNOWN_KEYS, garbage(ctx))
        .map(([key, value]) => ({ op: 'addKey' as const, key, value })),
    },
    { weight: 1, arbitrary: fc.constant({ op: 'wrapInArray' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'emptyObject' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'emptyArray' as const }) },
  );
}

function apply(root: unknown, path: Path, change: Mutation): unknown {
  const replaceAt = (current: unknown, rest: Path, replace: (old: unknown) => unknown): unknown => {
    if (rest.length === 0) return replace(current);
    if (current === null || typeof current !== 'object') return current;
    const [head, ...tail] = rest;
    if (Array.isArray(current)) {
      const copy: unknown[] = [...current];
      if (tail.length === 0 && change.op === 'delete') copy.splice(Number(head), 1);
      else copy[Number(head)] = replaceAt(copy[Number(head)], tail, replace);
      return copy;
    }
    const copy: Record<string, unknown> = { ...current };
    if (tail.length === 0 && change.op === 'delete') delete copy[head];
    else copy[head] = replaceAt(copy[head], tail, replace);
    return copy;
  };
  return replaceAt(root, path, (old) => {
    switch (change.op) {
      case 'replace':
        return change.value;
      case 'weird':
        return typeof old === 'number'
          ? change.number
          : typeof old === 'string'
            ? change.string
            : change.other;
      case 'delete':
        return undefined;
      case 'addKey':
        return old !== null && typeof old === 'object' && !Array.isArray(old)
          ? { ...old, [change.key]: change.value }
          : { [change.key]: change.value };
      case 'wrapInArray':
        return [old];
      case 'emptyObject':
        return {};
      case 'emptyArray':
        return [];
    }
  });
}

export function mutated(base: fc.Arbitrary<unknown>, ctx: FuzzContext): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const paths = pathsOf(value);
    return fc
      .array(fc.tuple(fc.constantFrom(...paths), mutation(ctx)), { minLength: 1, maxLength: 3 })
      .map((changes) => changes.reduce((acc, [path, change]) => apply(acc, path, change), value));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Whole request bodies, as the bytes sent.

export interface RawBody {
  /** undefined: no body at all. */
  text?: string;
  contentType?: string;
  /** How the body was made: `valid` (from the schema), `mutated`, `garbage`, `prototype`, `special`. */
  variant?: string;
}

const json = (value: unknown): RawBody => ({ text: JSON.stringify(value), contentType: 'application/json' });

/** Adds a `__proto__` / `constructor` key to the outermost object of a JSON text (JSON.stringify drops them). */
function withPrototypeKey(text: string, key: string): string {
  const payload =
    key === 'constructor' ? '{"prototype":{"polluted":true}}' : '{"polluted":true,"role":"admin"}';
  return text.startsWith('{') ? `{"${key}":${payload}${text === '{}' ? '' : ','}${text.slice(1)}` : text;
}

export function bodies(schema: Schema | undefined, ctx: FuzzContext): fc.Arbitrary<RawBody> {
  const base = schema ? validish('body', schema, ctx) : fc.constant({});
  const special = fc.oneof(
    fc.constant<RawBody>({}),
    fc.constant<RawBody>({ text: '', contentType: 'application/json' }),
    fc.constant<RawBody>({ text: '{"a":', contentType: 'application/json' }),
    fc.constant<RawBody>({ text: 'null', contentType: 'application/json' }),
    fc.constant<RawBody>({ text: '[]', contentType: 'application/json' }),
    fc.constant<RawBody>({ text: '"text"', contentType: 'application/json' }),
    fc.constant<RawBody>({ text: `{"a":"${'x'.repeat(150_000)}"}`, contentType: 'application/json' }),
    fc.constant<RawBody>({
      text: 'firstName=A&role=admin',
      contentType: 'application/x-www-form-urlencoded',
    }),
    fc.constant<RawBody>({ text: '{"firstName":"A"}', contentType: 'text/plain' }),
    fc.constant<RawBody>({ text: '\u0000\u0001', contentType: 'application/json' }),
    fc.constant<RawBody>({ text: '{"a":1}', contentType: 'application/json; charset=utf-16' }),
    // Nesting deeper than JSON.stringify (or a recursive validator) likes, written out by hand.
    fc.constant<RawBody>({
      text: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      contentType: 'application/json',
    }),
    fc.constant<RawBody>({
      text: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      contentType: 'application/json',
    }),
  );
  const prototype = fc
    .tuple(base, fc.constantFrom('__proto__', 'constructor', 'prototype'))
    .map(([value, key]) => ({
      text: withPrototypeKey(JSON.stringify(value ?? {}), key),
      contentType: 'application/json',
    }));
  if (!schema) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<RawBody>({}) },
      { weight: 2, arbitrary: garbage(ctx).map(json) },
      { weight: 1, arbitrary: special },
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: base.map((value) => ({ ...json(value), variant: 'valid' })) },
    { weight: 8, arbitrary: mutated(base, ctx).map((value) => ({ ...json(value), variant: 'mutated' })) },
    { weight: 1, arbitrary: base.map((value) => json([value])) },
    { weight: 1, arbitrary: garbage(ctx).map(json) },
    { weight: 1, arbitrary: prototype },
    { weight: 1, arbitrary: special },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Path parameters, If-Match and query strings.

const MALFORMED_IDS = fc.constantFrom(
  '0',
  '-1',
  'null',
  'undefined',
  'me',
  'NaN',
  '%00',
  '%2e%2e',
  "1' OR '1'='1",
  'x'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '5e7d0001-0000-4000-8000-00000000000',
  '5e7d0001-0000-4000-8000-0000000000001',
  '5E7D0001-0000-4000-8000-000000000001',
  '{5e7d0001-0000-4000-8000-000000000001}',
);

/** Never an 11-digit run in a URL: paths are logged (masked, but the suite asserts none appear at all). */
const safeSegment = fc
  .string({ minLength: 1, maxLength: 40 })
  .map((s) => encodeURIComponent(s.replace(/\d{11,}/g, 'x')));

export function pathParam(name: string, path: string, ctx: FuzzContext): fc.Arbitrary<string> {
  const kind = kindOf(name, path);
  const own = kind ? (ctx.ids.own[kind] ?? []) : [];
  const foreign = kind ? (ctx.ids.foreign[kind] ?? []) : [];
  const otherKinds = Object.entries(ctx.ids.own)
    .filter(([k]) => k !== kind)
    .flatMap(([, ids]) => ids);
  return fc.oneof(
    { weight: 12, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.uuid() },
    { weight: 1, arbitrary: otherKinds.length > 0 ? fc.constantFrom(...otherKinds) : fc.uuid() },
    { weight: 1, arbitrary: foreign.length > 0 ? fc.constantFrom(...foreign) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: MALFORMED_IDS.map(encodeURIComponent) },
    { weight: 1, arbitrary: safeSegment },
  );
}

export const ifMatchHeader: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }).map((v) => `"${v}"`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('*', '"abc"', 'W/"1"', '"-1"', '9999999999', '""', '"1", "2"', 'null'),
  },
);

export function queryString(parameters: Parameter[], ctx: FuzzContext): fc.Arbitrary<string> {
  if (parameters.length === 0) return fc.constant('');
  const values = parameters.map((p) =>
    fc.option(
      fc.oneof(
        validish(p.name, p.schema ?? { type: 'string' }, ctx).map(String),
        edgeStrings,
        fc.string({ maxLength: 20 }),
      ),
      { freq: 2 },
    ),
  );
  return fc.tuple(...values).map((chosen) => {
    const pairs = chosen
      .map((value, i) => (value === null ? undefined : [parameters[i].name, value.replace(/\d{11,}/g, 'x')]))
      .filter((pair): pair is [string, string] => pair !== undefined);
    return pairs.length > 0 ? `?${new URLSearchParams(pairs).toString()}` : '';
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A deterministic sweep: one canonical valid-looking body, then each property in turn set to null or to a weird
// value of its type. Random cases rarely hit "exactly this one field is null"; the sweep always does.

export function canonical(name: string, raw: Schema, ctx: FuzzContext, depth = 0): unknown {
  const schema = resolve(raw, ctx.document);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (depth > 6) return null;
  const kind = kindOf(name);
  if (kind && ctx.ids.own[kind]?.length) return ctx.ids.own[kind][0];
  if (schema.properties && Object.keys(schema.properties).length > 0) {
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, canonical(key, value, ctx, depth + 1)]),
    );
  }
  const example = schema.example;
  if (typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example)) {
    return /(to|end|until)/i.test(name) ? shiftDays(ctx.today, 30) : ctx.today;
  }
  if (typeof example === 'string' && /^\d{11}$/.test(example) && ctx.nationalIds.length > 0) {
    return ctx.nationalIds[0];
  }
  if (example !== undefined) return example;
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    default:
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'Fuzz';
  }
}

export function sweepBodies(schema: Schema | undefined, ctx: FuzzContext): RawBody[] {
  if (!schema) return [];
  const base = canonical('body', schema, ctx);
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return [json(base)];
  const weird = (value: unknown): unknown =>
    typeof value === 'number'
      ? 5e-324
      : typeof value === 'string'
        ? 'a\u0000b'
        : typeof value === 'boolean'
          ? 'true'
          : Array.isArray(value)
            ? [null]
            : 'x';
  const entries = Object.entries(base as Record<string, unknown>);
  return [
    json(base),
    ...entries.flatMap(([key, value]) => [
      json({ ...base, [key]: null }),
      json({ ...base, [key]: weird(value) }),
      json({ [key]: null }),
    ]),
  ].map((body) => ({ ...body, variant: 'sweep' }));
}
