import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  Validate,
} from 'class-validator';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidIsoDate } from '../dates';

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

/** ISO 639-1 language codes, e.g. ['nb', 'en', 'ar']. */
export const IsLanguageList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(10),
    ArrayUnique(),
    Matches(/^[a-z]{2,3}$/, { each: true, message: 'each language must be an ISO 639 code like nb or en' }),
  );

/** Interest codes from the municipality's vocabulary (existence is checked by the service). */
export const IsInterestList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(30),
    ArrayUnique(),
    Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true, message: 'each interest must be a vocabulary code' }),
  );

export const IsPostalCode = (): PropertyDecorator =>
  applyDecorators(
    Matches(/^[0-9]{4}$/, { message: '$property must be a Norwegian postal code of 4 digits' }),
  );

export const IsPhone = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(20),
    Matches(/^\+?[0-9 ]{8,18}$/, { message: '$property must be a phone number of 8–15 digits' }),
  );
