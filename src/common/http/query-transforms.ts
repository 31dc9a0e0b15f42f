import { Transform } from 'class-transformer';

/** Query booleans parse exactly: 'true' → true, 'false' → false, anything else stays as given and fails @IsBoolean. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `?interest=a&interest=b` or `?interest=a,b` → ['a', 'b']. */
export const QueryList = (): PropertyDecorator =>
  Transform(({ value }) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')),
  );
