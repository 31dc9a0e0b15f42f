import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsNumber,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateIf,
} from 'class-validator';
import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidIsoDate } from '../dates';
import { TIME_OF_DAY } from '../scheduling/weekly-slot';

@ValidatorConstraint({ name: 'isRealDate' })
class IsRealDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidIsoDate(value);
  }
  defaultMessage(): string {
    return '$property must be a real date YYYY-MM-DD';
  }
}

/** A calendar date 'YYYY-MM-DD' that exists (no 2026-02-30). */
export const IsDateOnly = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' }),
    Validate(IsRealDate),
  );

/**
 * An ISO 639 language code such as nb, en or ar. (The MaxLength beside each pattern states the length the
 * pattern allows, so that the OpenAPI document, which is derived from these decorators, states it too.)
 */
export const IsLanguageCode = (
  message = '$property must be an ISO 639 code like nb or en',
): PropertyDecorator => applyDecorators(MaxLength(3), Matches(/^[a-z]{2,3}$/, { message }));

/** ISO 639-1 language codes, e.g. ['nb', 'en', 'ar']. */
export const IsLanguageList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique(),
    MaxLength(3, { each: true }),
    Matches(/^[a-z]{2,3}$/, { each: true, message: 'each language must be an ISO 639 code like nb or en' }),
  );

const INTEREST_CODE = /^[a-z][a-z0-9_]{1,39}$/;

/** A code of the municipality's interest vocabulary: 2–40 lowercase letters, digits or _. */
export const IsInterestCode = (
  message = '$property must be 2–40 lowercase letters, digits or _',
): PropertyDecorator => applyDecorators(MaxLength(40), Matches(INTEREST_CODE, { message }));

/** Interest codes from the municipality's vocabulary (existence is checked by the service). */
export const IsInterestList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(30),
    ArrayUnique(),
    MaxLength(40, { each: true }),
    Matches(INTEREST_CODE, { each: true, message: 'each interest must be a vocabulary code' }),
  );

/** A time of day 'HH:MM', 00:00–24:00 (24:00 is the end of a day). */
export const IsTimeOfDay = (message: string): PropertyDecorator =>
  applyDecorators(IsString(), MaxLength(5), Matches(TIME_OF_DAY, { message }));

export const IsPostalCode = (): PropertyDecorator =>
  applyDecorators(
    MaxLength(4),
    Matches(/^[0-9]{4}$/, { message: '$property must be a Norwegian postal code of 4 digits' }),
  );

export const IsPhone = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(20),
    Matches(/^\+?[0-9 ]{8,18}$/, { message: '$property must be a phone number of 8–15 digits' }),
  );

@ValidatorConstraint({ name: 'maxDecimalPlaces' })
class HasMaxDecimalPlaces implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const places = args.constraints[0] as number;
    return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
  }
  defaultMessage(args: ValidationArguments): string {
    return `$property must be a number with at most ${args.constraints[0] as number} decimals`;
  }
}

/**
 * A finite number with at most `places` decimals. Use instead of `IsNumber({ maxDecimalPlaces })`, which throws
 * (a 500) on numbers JavaScript prints in exponent form, such as 5e-324 or 1e-7.
 */
export const IsDecimal = (places: number): PropertyDecorator =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Validate(HasMaxDecimalPlaces, [places]),
  );

/**
 * The property may be left out but not sent as `null`. Use instead of `IsOptional()` for a field whose column is
 * NOT NULL: IsOptional skips validation for null too, and the null then fails in PostgreSQL as a 500.
 */
export const OptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
