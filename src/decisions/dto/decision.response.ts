import { ApiProperty } from '@nestjs/swagger';
import {
  Decision,
  DecisionSummary,
  QUOTA_PERIODS,
  QuotaPeriod,
  SERVICE_FORMS,
  ServiceForm,
} from '../decision.entity';
import { DecisionStatus, decisionStatus } from '../decision-rules';
import { weeklyHoursEquivalent } from '../quota';

/** What a list of service users shows of the decision valid today. */
export class DecisionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SERVICE_FORMS }) serviceForm!: ServiceForm;
  @ApiProperty({ example: 4 }) hoursGranted!: number;
  @ApiProperty({ enum: QUOTA_PERIODS }) hoursPeriod!: QuotaPeriod;
  @ApiProperty({ example: 4, description: 'hoursGranted expressed per week' }) weeklyHoursEquivalent!: number;
  @ApiProperty({ format: 'date', example: '2026-02-01' }) validFrom!: string;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) validTo!: string;
  @ApiProperty({ format: 'date', example: '2026-02-01' }) waitingSince!: string;

  static from(decision: DecisionSummary): DecisionSummaryResponse {
    return {
      id: decision.id,
      serviceForm: decision.serviceForm,
      hoursGranted: decision.hoursGranted,
      hoursPeriod: decision.hoursPeriod,
      weeklyHoursEquivalent: weeklyHoursEquivalent(decision.hoursGranted, decision.hoursPeriod),
      validFrom: decision.validFrom,
      validTo: decision.validTo,
      waitingSince: decision.waitingSince,
    };
  }
}

/** A vedtak as staff see it, with its reasoned text. Never sent to a støttekontakt. */
export class DecisionResponse extends DecisionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ example: 100 }) drivingKmGranted!: number;
  @ApiProperty({ enum: QUOTA_PERIODS }) drivingPeriod!: QuotaPeriod;
  @ApiProperty({ format: 'date', example: '2026-01-15' }) decidedOn!: string;
  @ApiProperty() grantedByChildWelfare!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The reasoned decision (health-related; staff only)',
  })
  decisionText!: string | null;
  @ApiProperty({ enum: ['upcoming', 'current', 'expired'], description: 'Where today falls in the period' })
  status!: DecisionStatus;
  @ApiProperty({ description: 'Who registered it (token subject)' }) createdBy!: string;
  @ApiProperty() createdAt!: Date;

  static full(decision: Decision, today: string): DecisionResponse {
    return {
      ...DecisionSummaryResponse.from(decision),
      serviceUserId: decision.serviceUserId,
      drivingKmGranted: decision.drivingKmGranted,
      drivingPeriod: decision.drivingPeriod,
      decidedOn: decision.decidedOn,
      grantedByChildWelfare: decision.grantedByChildWelfare,
      decisionText: decision.decisionText,
      status: decisionStatus(decision.validFrom, decision.validTo, today),
      createdBy: decision.createdBy,
      createdAt: decision.createdAt,
    };
  }
}
