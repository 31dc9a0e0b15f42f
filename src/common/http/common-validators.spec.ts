import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WeeklySlotDto, WeeklySlots } from '../scheduling/weekly-slot.dto';
import { IsBoolean } from 'class-validator';
import { IsDecimal, OptionalNotNull } from './common-validators';

class Hours {
  @IsDecimal(2) hours!: number;
}

class Settings {
  @OptionalNotNull() @IsBoolean() active?: boolean;
}

class Slots {
  @WeeklySlots() availability!: WeeklySlotDto[];
}

const problems = <T extends object>(type: new () => T, body: object) =>
  validateSync(plainToInstance(type, body)).map((e) => e.property);

describe('IsDecimal', () => {
  it.each([0, 8, 1.5, 7.25, -3.1, 80])('accepts %p', (hours) => {
    expect(problems(Hours, { hours })).toEqual([]);
  });

  // class-validator's IsNumber({ maxDecimalPlaces }) throws on exponent forms; found by the fuzz suite.
  it.each([5e-324, 1e-7, 0.001, 0.1 + 0.2, NaN, Infinity, '4', null])(
    'refuses %p without throwing',
    (hours) => {
      expect(problems(Hours, { hours })).toEqual(['hours']);
    },
  );
});

describe('WeeklySlots', () => {
  it('refuses a time that is not a string, without throwing (["20:00"] looks like "20:00" to RegExp.test)', () => {
    const availability = [{ day: 'tue', start: '17:00', end: ['20:00'] }];
    expect(problems(Slots, { availability })).toEqual(['availability']);
  });

  it('still refuses an end before the start', () => {
    const availability = [{ day: 'tue', start: '17:00', end: '16:00' }];
    expect(problems(Slots, { availability })).toEqual(['availability']);
  });
});

describe('OptionalNotNull', () => {
  it('lets a property be left out, but not be null', () => {
    expect(problems(Settings, {})).toEqual([]);
    expect(problems(Settings, { active: false })).toEqual([]);
    expect(problems(Settings, { active: null })).toEqual(['active']);
  });
});
