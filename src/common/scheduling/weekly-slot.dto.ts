import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import {
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';
import { IsTimeOfDay } from '../http/common-validators';
import { TIME_OF_DAY, Weekday, WEEKDAYS, WeeklySlot, weeklySlotProblems } from './weekly-slot';

export class WeeklySlotDto implements WeeklySlot {
  @ApiProperty({ enum: WEEKDAYS, example: 'tue' })
  @IsIn(WEEKDAYS)
  day!: Weekday;

  @ApiProperty({ example: '17:00' })
  @IsTimeOfDay('start must be a time HH:MM')
  start!: string;

  @ApiProperty({ example: '20:00' })
  @IsTimeOfDay('end must be a time HH:MM')
  end!: string;
}

/** Four slots a day is more than any contact's week needs. */
export const MAX_WEEKLY_SLOTS = 28;

@ValidatorConstraint({ name: 'weeklySlots' })
class WeeklySlotsAreConsistent implements ValidatorConstraintInterface {
  validate(slots: unknown): boolean {
    // Past the cap, ArrayMaxSize has already refused the list: no further work for a hostile one.
    if (!Array.isArray(slots) || slots.length > MAX_WEEKLY_SLOTS) return true;
    if (slots.some((slot) => !(slot instanceof WeeklySlotDto))) return true;
    // RegExp.test coerces its argument (["20:00"] passes as "20:00"): check the type first, since the nested
    // validation's errors do not stop this validator from running.
    const isTime = (value: unknown) => typeof value === 'string' && TIME_OF_DAY.test(value);
    const wellFormed = (slots as WeeklySlotDto[]).every((s) => isTime(s.start) && isTime(s.end));
    return !wellFormed || weeklySlotProblems(slots as WeeklySlotDto[]).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    const problems = weeklySlotProblems(args.value as WeeklySlotDto[]);
    return problems.map((p) => `${args.property}[${p.index}] ${p.reason}`).join('; ');
  }
}

/** Decorates a `WeeklySlotDto[]` property: nested validation, at most 28 slots, end after start, no overlaps. */
export function WeeklySlots(): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMaxSize(MAX_WEEKLY_SLOTS)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => WeeklySlotDto)(target, key);
    Validate(WeeklySlotsAreConsistent)(target, key);
  };
}
