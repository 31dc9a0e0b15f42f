import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsDateOnly } from '../../common/http/common-validators';

/** Municipal rates from a date: a change applies to sessions on and after its date. */
export class CreateRateRequest {
  @ApiProperty({ example: '2026-10-01' }) @IsDateOnly() validFrom!: string;

  @ApiProperty({ example: 26000, description: 'godtgjørelse per hour, in øre (260.00 kr)' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  hourlyRateOre!: number;

  @ApiProperty({ example: 400, description: 'Driving allowance per km, in øre (4.00 kr)' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  kmRateOre!: number;
}

export class RateResponse extends CreateRateRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
}
