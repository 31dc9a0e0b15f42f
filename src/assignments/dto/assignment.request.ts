import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IsDateOnly, IsDecimal } from '../../common/http/common-validators';
import { ASSIGNMENT_END_REASONS, AssignmentEndReason } from '../assignment.entity';

@ValidatorConstraint({ name: 'notTogetherWith' })
class NotTogetherWith implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    const [other] = args.constraints as [string];
    return (args.object as Record<string, unknown>)[other] == null;
  }
  defaultMessage(args: ValidationArguments): string {
    return `give either ${args.constraints[0]} or ${args.property}, not both`;
  }
}

const hasValue = (value: unknown): boolean => value !== undefined && value !== null;

export class CreateAssignmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  contactId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The service user of an individual assignment (or give groupId)',
  })
  @ValidateIf((o: CreateAssignmentRequest) => hasValue(o.serviceUserId) || !hasValue(o.groupId))
  @IsUUID('all', { message: 'serviceUserId must be a UUID; an assignment needs serviceUserId or groupId' })
  serviceUserId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The activity group of a group assignment (or give serviceUserId)',
  })
  @IsOptional()
  @IsUUID('all')
  @Validate(NotTogetherWith, ['serviceUserId'])
  groupId?: string | null;

  @ApiProperty({ example: '2026-09-01' })
  @IsDateOnly()
  startsOn!: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      'Individual only: why the assignment starts without an introduction meeting (DOMAIN rule 8). Required for ' +
      'an individual assignment, which otherwise starts from an introduction’s outcome; kept on the assignment ' +
      'and in the case history.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @Validate(NotTogetherWith, ['groupId'])
  startWithoutIntroductionReason?: string;

  @ApiPropertyOptional({
    example: 3,
    description:
      "Hours a week taken of the contact's capacity. Individual: defaults to the hours of the user's current vedtak, " +
      'as hours a week. Group: required.',
  })
  @ValidateIf((o: CreateAssignmentRequest) => o.weeklyHours !== undefined || hasValue(o.groupId))
  @IsDefined({ message: 'weeklyHours is required for a group assignment' })
  @IsDecimal(2)
  @IsPositive()
  @Max(80)
  weeklyHours?: number;
}

export class EndAssignmentRequest {
  @ApiProperty({ example: '2027-06-30', description: 'Last day of the assignment; on or after its start' })
  @IsDateOnly()
  endsOn!: string;

  @ApiProperty({ enum: ASSIGNMENT_END_REASONS })
  @IsIn(ASSIGNMENT_END_REASONS)
  reason!: AssignmentEndReason;

  @ApiPropertyOptional({ description: 'Staff only; never shown to the contact', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
