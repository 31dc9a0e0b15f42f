import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/http/common-validators';

/** Integer score weights; a missing one keeps the default (see docs/solver.md and engine/types.ts). */
export class ScoreWeightsRequest {
  @ApiPropertyOptional({ description: 'Added to every feasible pair (default 200)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  base?: number;

  @ApiPropertyOptional({ description: 'Shared interests (default 50)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  interests?: number;

  @ApiPropertyOptional({ description: 'Shared free time a week (default 30)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  availability?: number;

  @ApiPropertyOptional({ description: 'Nearness (default 30)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  distance?: number;

  @ApiPropertyOptional({ description: 'Similar age (default 10)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  ageCloseness?: number;

  @ApiPropertyOptional({ description: 'Shared languages (default 10)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  language?: number;

  @ApiPropertyOptional({ description: 'Bonus growing with the waiting time (default 60)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10000)
  waiting?: number;
}

/** The municipality's matching settings; what is left out keeps the engine's documented default. */
export class MatchingSettingsRequest {
  @ApiPropertyOptional({ description: 'Travel radius in km (default 15)', minimum: 1, maximum: 200 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(200)
  travelRadiusKm?: number;

  @ApiPropertyOptional({
    description: 'Shortest shared weekly window for a meeting (default 120)',
    minimum: 30,
  })
  @OptionalNotNull()
  @IsInt()
  @Min(30)
  @Max(600)
  minMeetingMinutes?: number;

  @ApiPropertyOptional({ type: ScoreWeightsRequest })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ScoreWeightsRequest)
  weights?: ScoreWeightsRequest;
}
