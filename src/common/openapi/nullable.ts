import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/** Null as OpenAPI 3.0 writes it: `nullable` beside a type, and in the enum (3.0.3 asks for both). */
const ONLY_NULL: Schema = { type: 'object', nullable: true, enum: [null] };

function exact(schema: Schema): void {
  if (schema.nullable === true && Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    // Swagger writes a nullable reference as `nullable` beside `allOf: [$ref]`, which by OpenAPI 3.0.3 still
    // refuses null (allOf demands the referenced object): say "the object or null" instead.
    const [referenced] = schema.allOf as Schema[];
    delete schema.allOf;
    delete schema.nullable;
    delete schema.type;
    schema.anyOf = [referenced, ONLY_NULL];
  }
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...(schema.enum as unknown[]), null];
  }
}

function walk(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(walk);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const schema = value as Schema;
  exact(schema);
  for (const inner of Object.values(schema)) walk(inner);
}

/**
 * Makes every nullable value in the document mean what the code answers: a validator (ajv in the contract test)
 * and a generated client then accept `null` exactly where the API sends it.
 */
export function exactNullables(document: OpenAPIObject): void {
  walk(document.components);
  walk(document.paths);
}
