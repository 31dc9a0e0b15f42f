import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** The part of a property's OpenAPI schema that a validation rule determines. */
type Derived = Record<string, unknown>;

/** The Swagger property metadata we read and write (what `@ApiProperty()` stores). */
interface PropertyOptions extends Record<string, unknown> {
  type?: unknown;
  isArray?: boolean;
  items?: Record<string, unknown>;
  required?: boolean;
}

const INT32 = { type: 'integer', format: 'int32' };

/**
 * What each class-validator rule says about the schema of one value. The document states the limits the
 * validation pipe enforces because it reads them from the same decorators: they cannot drift apart.
 */
const RULES: Record<string, (constraints: unknown[]) => Derived> = {
  isString: () => ({ type: 'string' }),
  isInt: () => INT32,
  isNumber: () => ({ type: 'number' }),
  isBoolean: () => ({ type: 'boolean' }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  isUuid: () => ({ type: 'string', format: 'uuid', maxLength: 36 }),
  isUUID: () => ({ type: 'string', format: 'uuid', maxLength: 36 }),
  isIso8601: () => ({ type: 'string', format: 'date-time', maxLength: 35 }),
  isISO8601: () => ({ type: 'string', format: 'date-time', maxLength: 35 }),
  // IsDateOnly(): a real calendar date, which overrides the date-time of its IsISO8601 part (see `specificity`).
  isRealDate: () => ({ type: 'string', format: 'date', maxLength: 10 }),
  isLatitude: () => ({ type: 'number', minimum: -90, maximum: 90 }),
  isLongitude: () => ({ type: 'number', minimum: -180, maximum: 180 }),
  maxLength: ([max]) => ({ maxLength: max }),
  minLength: ([min]) => ({ minLength: min }),
  isLength: ([min, max]) => ({ minLength: min, ...(max === undefined ? {} : { maxLength: max }) }),
  matches: ([pattern]) => ({
    type: 'string',
    pattern: pattern instanceof RegExp ? pattern.source : String(pattern),
  }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isPositive: () => ({ minimum: 0, exclusiveMinimum: true }),
  isIn: ([values]) => ({ enum: values }),
  isEnum: ([entity]) => ({ enum: Object.values(entity as object) }),
  isArray: () => ({ type: 'array' }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayUnique: () => ({ uniqueItems: true }),
};

/** Rules applied last win over earlier ones (a date is more specific than a date-time). */
const specificity = (name: string): number => (name === 'isRealDate' ? 1 : 0);

function ruleName(metadata: ValidationMetadata): string | undefined {
  if (metadata.name) return metadata.name;
  const constraint = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0];
  return constraint?.name;
}

/** Swagger stores `type: String` (a constructor); the schema wants 'string'. */
function explicitType(options: PropertyOptions): string | undefined {
  const type = options.type;
  if (typeof type === 'string') return type;
  if (type === String) return 'string';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  return undefined;
}

/** The defaults a DTO's property initializers give (`page = 1`); none when the class needs arguments. */
function initialValues(target: object): Record<string, unknown> {
  try {
    return { ...(new (target as new () => object)() as Record<string, unknown>) };
  } catch {
    return {};
  }
}

function deriveProperty(metadatas: ValidationMetadata[]): {
  own: Derived;
  items: Derived;
  optional: boolean;
  nullable: boolean;
} {
  const own: Derived = {};
  const items: Derived = {};
  let optional = false;
  let nullable = false;
  const sorted = [...metadatas].sort(
    (a, b) => specificity(ruleName(a) ?? '') - specificity(ruleName(b) ?? ''),
  );
  for (const metadata of sorted) {
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) optional = true;
    if (metadata.name === 'isOptional') nullable = true;
    if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION) continue;
    const name = ruleName(metadata);
    const rule = name === undefined ? undefined : RULES[name];
    if (!rule) continue;
    Object.assign(metadata.each ? items : own, rule(metadata.constraints ?? []));
  }
  return { own, items, optional, nullable };
}

/**
 * Copies what the class-validator decorators of every DTO say (types, formats, limits, patterns, enums) into the
 * Swagger metadata of the same properties, under what `@ApiProperty()` states explicitly. A validated property
 * without `@ApiProperty()` is documented too (required unless its validation is conditional), so no input the
 * pipe accepts is missing from the document. Idempotent; called before each document is built.
 */
export function applyValidationToOpenApi(): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<object, ValidationMetadata[]>;
  };
  for (const [target, metadatas] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    const prototype = (target as { prototype: object }).prototype;
    const initial = initialValues(target);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const metadata of metadatas) {
      if (!metadata.propertyName) continue;
      byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    }
    for (const [property, list] of byProperty) {
      const { own, items, optional, nullable } = deriveProperty(list);
      const existing = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) as
        PropertyOptions | undefined;
      const merged: PropertyOptions = { required: !optional, ...own, ...(existing ?? {}) };
      // Swagger falls back to the design type: Object for a union such as `string | null`, Array for any list,
      // Number for an integer. The validation rule knows better.
      const stated = existing?.type;
      const weak = stated === undefined || stated === Object || stated === Array;
      if (own.type === 'integer' && (weak || stated === Number)) {
        merged.type = 'integer';
        merged.format ??= 'int32';
      } else if (weak && own.type !== undefined) {
        merged.type = own.type;
      }
      const initialValue = initial[property];
      if (initialValue !== undefined) merged.default ??= initialValue;
      // `x?: string | null` with @IsOptional(): the type says null clears it, and the pipe lets null through.
      // (A property with an initializer such as `page = 1` has the design type Object too, but is not nullable.)
      else if (stated === Object && nullable) merged.nullable ??= true;
      const isArray = merged.isArray === true || merged.type === 'array';
      if (isArray && Object.keys(items).length > 0) {
        const itemType =
          (items.type as string | undefined) ?? (merged.isArray ? explicitType(merged) : undefined);
        merged.items = { ...items, ...(itemType ? { type: itemType } : {}), ...(merged.items ?? {}) };
        if (merged.isArray && explicitType(merged)) {
          // `type: [String]` is stored as type String + isArray: spell out the array so `items` is kept.
          merged.type = 'array';
          delete merged.isArray;
        }
      }
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, merged, prototype, property);
      const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) as string[]) ?? [];
      if (!keys.includes(`:${property}`)) {
        Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, [...keys, `:${property}`], prototype);
      }
    }
  }
}
