import { keyedBy } from '../../common/openapi/keyed-by';
import { RUN_UNMATCHED_REASONS } from '../../matching/matching-summary';
import { ApiProperty } from '@nestjs/swagger';
import { DAY_PARTS, DayPartName, WEEKDAY_NAMES, WeekdayName } from '../candidate-profiles';
import { RecruitmentPlan, RecruitmentProfile, WaitingArea } from '../recruitment-plan';
import { RecruitmentRates } from '../recruitment.service';

const COUNT = { type: 'integer', format: 'int32', minimum: 0 } as const;
const DAYS = { type: 'integer', format: 'int32', minimum: 0, description: 'Days' } as const;
const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;

export class RecruitmentWaitingResponse {
  @ApiProperty({
    ...COUNT,
    description: 'Users the run left without a contact, with or without a home location',
  })
  unmatched!: number;
  @ApiProperty(COUNT) withoutLocation!: number;
  @ApiProperty({
    ...keyedBy(RUN_UNMATCHED_REASONS, COUNT),
    description: 'What blocked them: the run’s reasons (no_eligible_contact_in_radius, no_shared_time, …)',
    example: { no_eligible_contact_in_radius: 3, no_shared_time: 1 },
  })
  byReason!: Partial<Record<(typeof RUN_UNMATCHED_REASONS)[number], number>>;
  @ApiProperty({ ...COUNT, description: 'Matched, but with no shared interest and the contact far away' })
  poorlyMatched!: number;
}

export class RecruitmentServesResponse {
  @ApiProperty(COUNT) users!: number;
  @ApiProperty({ type: [String], example: ['3015'] }) postalCodes!: string[];
  @ApiProperty(DAYS) longestWaitingDays!: number;
  @ApiProperty({ type: [String], description: 'The profile’s interests at least half of them share' })
  sharedInterests!: string[];
}

/** One støttekontakt to recruit: where they live, when they are free, what they like, whom they would serve. */
export class RecruitmentProfileResponse implements RecruitmentProfile {
  @ApiProperty({ ...COUNT, minimum: 1 }) rank!: number;
  @ApiProperty({ description: 'Stable key of the profile (area, day, part of day, language, gender)' })
  key!: string;
  @ApiProperty({ type: String, nullable: true, example: '3015' }) postalCode!: string | null;
  @ApiProperty({ description: 'Centre of the users it serves, rounded to about a kilometre' })
  latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty({ enum: WEEKDAY_NAMES }) day!: WeekdayName;
  @ApiProperty({ enum: DAY_PARTS.map((p) => p.name) }) partOfDay!: DayPartName;
  @ApiProperty({ example: '19:00' }) start!: string;
  @ApiProperty({ example: '23:00' }) end!: string;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({ type: [String], description: 'Language codes the contact should speak' })
  languages!: string[];
  @ApiProperty({ enum: GENDERS, nullable: true, description: 'Only when users it serves asked for a gender' })
  gender!: RecruitmentProfile['gender'];
  @ApiProperty({ ...COUNT, nullable: true, description: 'Only when users it serves asked for an age band' })
  age!: number | null;
  @ApiProperty({ type: String, nullable: true }) requiredLanguage!: string | null;
  @ApiProperty({ description: 'Most of the users it serves have driving in their vedtak' }) drives!: boolean;
  @ApiProperty(COUNT) capacityUsers!: number;
  @ApiProperty({ type: Number, minimum: 0 }) weeklyHours!: number;
  @ApiProperty({
    ...COUNT,
    description: 'Users matched more by adding this profile to those ranked before it',
  })
  marginalGain!: number;
  @ApiProperty({ type: RecruitmentServesResponse }) serves!: RecruitmentServesResponse;
  @ApiProperty({
    example: '3 users in 3015, free tuesday evening, like fotball; the longest has waited 212 days',
  })
  description!: string;
}

export class WaitingAreaResponse implements WaitingArea {
  @ApiProperty({ description: 'Postal code, or a grid cell (~lat:lon) for users without one' })
  areaKey!: string;
  @ApiProperty({ type: String, nullable: true }) postalCode!: string | null;
  @ApiProperty() latitude!: number;
  @ApiProperty() longitude!: number;
  @ApiProperty(COUNT) waiting!: number;
  @ApiProperty(DAYS) longestWaitingDays!: number;
}

export class RecruitmentForecastResponse {
  @ApiProperty(COUNT) waitingNow!: number;
  @ApiProperty({ ...COUNT, description: 'Could be matched by contacts with room left, without recruiting' })
  matchableWithoutRecruiting!: number;
  @ApiProperty(COUNT) servedByProfiles!: number;
  @ApiProperty({ ...COUNT, description: 'Still waiting with every profile recruited' }) stillWaiting!: number;
  @ApiProperty({ ...DAYS, nullable: true }) longestStillWaitingDays!: number | null;
  @ApiProperty({ type: Number, description: 'New vedtak per 30 days over the last year' })
  newDecisionsPer30Days!: number;
  @ApiProperty({ type: Number, description: 'Assignments started per 30 days over the last year' })
  assignmentsStartedPer30Days!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Months until those still waiting are placed at these rates; null when starts do not outpace new vedtak',
  })
  monthsToClear!: number | null;
}

export class RecruitmentComputationResponse {
  @ApiProperty(COUNT) candidates!: number;
  @ApiProperty({ ...COUNT, description: 'Engine re-solves done by the lazy greedy selection' })
  evaluations!: number;
  @ApiProperty(COUNT) milliseconds!: number;
}

/** Aggregate only: counts, postal codes and waiting days, never a user's id or name. */
export class RecruitmentResponse {
  @ApiProperty({ format: 'uuid' }) runId!: string;
  @ApiProperty({ format: 'date' }) runDate!: string;
  @ApiProperty({ type: RecruitmentWaitingResponse }) waiting!: RecruitmentWaitingResponse;
  @ApiProperty({ type: [RecruitmentProfileResponse] }) profiles!: RecruitmentProfileResponse[];
  @ApiProperty({ type: [WaitingAreaResponse] }) areas!: WaitingAreaResponse[];
  @ApiProperty({ type: RecruitmentForecastResponse }) forecast!: RecruitmentForecastResponse;
  @ApiProperty({ type: RecruitmentComputationResponse }) computation!: RecruitmentComputationResponse;

  static from(
    runId: string,
    runDate: string,
    plan: RecruitmentPlan,
    rates: RecruitmentRates,
  ): RecruitmentResponse {
    const net = rates.assignmentsStartedPer30Days - rates.newDecisionsPer30Days;
    return {
      runId,
      runDate,
      waiting: plan.waiting,
      profiles: plan.profiles,
      areas: plan.areas,
      forecast: {
        ...plan.forecast,
        ...rates,
        monthsToClear:
          plan.forecast.stillWaiting === 0
            ? 0
            : net > 0
              ? Math.round((plan.forecast.stillWaiting / net) * 10) / 10
              : null,
      },
      computation: plan.computation,
    };
  }
}
