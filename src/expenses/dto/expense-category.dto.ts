import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { EXPENSE_RULES, ExpenseRuleKind } from '../../compensation/expense-cover';

/**
 * A category of the contact's expenses with the municipality's rule for it ("fastsatte satser", seed 001). The
 * rule's terms go with the rule: `unit` and `rateOre` for per_unit, `monthlyCapOre` for monthly_cap, none for
 * not_covered; anything else is refused with 400.
 */
export class ExpenseCategoryRequest {
  @ApiProperty({ example: 'Inngangsbillett for støttekontakten', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: EXPENSE_RULES,
    description:
      'per_unit: covered up to rateOre per unit; monthly_cap: covered up to monthlyCapOre per contact and calendar month; not_covered: nothing (the user pays their own, seed 004)',
  })
  @IsIn(EXPENSE_RULES)
  rule!: ExpenseRuleKind;

  @ApiPropertyOptional({ example: 'billett', description: 'per_unit only: what one unit is' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  unit?: string;

  @ApiPropertyOptional({ example: 15000, description: 'per_unit only: the most covered per unit, in øre' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  rateOre?: number;

  @ApiPropertyOptional({
    example: 30000,
    description: 'monthly_cap only: the most covered per month, in øre',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  monthlyCapOre?: number;

  @ApiPropertyOptional({ default: true, description: 'A retired category (false) takes no new lines' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ExpenseCategoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: EXPENSE_RULES }) rule!: ExpenseRuleKind;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', nullable: true }) rateOre!: number | null;
  @ApiProperty({ type: 'integer', format: 'int32', nullable: true }) monthlyCapOre!: number | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() updatedAt!: Date;
}
