import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** When pay periods start: the 21st (to the 20th) by default; 1 gives calendar months. */
export class PaySettingsDto {
  @ApiProperty({ example: 21, minimum: 1, maximum: 28 })
  @IsInt()
  @Min(1)
  @Max(28)
  payPeriodStartDay!: number;
}
