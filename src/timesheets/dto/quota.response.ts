import { ApiProperty } from '@nestjs/swagger';
import { minutesToHours, PeriodQuotaFigures } from '../../decisions/quota';
import { tenthsToKm } from '../session-rules';

const percent = (ratio: number) => (Number.isFinite(ratio) ? Math.round(ratio * 1000) / 10 : null);

/** Hours in one quota period of a vedtak (per week or month, as granted). */
export class HoursQuotaResponse {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) periodStart!: string;
  @ApiProperty({ format: 'date', example: '2026-01-31' }) periodEnd!: string;
  @ApiProperty({ example: 10 }) grantedHours!: number;
  @ApiProperty({ example: 0, description: 'Approved by a coordinator for this period, with a reason' })
  approvedOverrunHours!: number;
  @ApiProperty({ example: 8.5, description: 'Logged in the period, this request included when there is one' })
  usedHours!: number;
  @ApiProperty({ example: 1.5 }) remainingHours!: number;
  @ApiProperty({ example: 85, nullable: true, type: Number }) usedPercent!: number | null;
  @ApiProperty({ description: 'At 80 % or more of the quota' }) warning!: boolean;

  static from(period: { start: string; end: string }, f: PeriodQuotaFigures): HoursQuotaResponse {
    const used = f.used + f.requested;
    return {
      periodStart: period.start,
      periodEnd: period.end,
      grantedHours: minutesToHours(f.granted),
      approvedOverrunHours: minutesToHours(f.approvedOverrun),
      usedHours: minutesToHours(used),
      remainingHours: minutesToHours(Math.max(0, f.allowed - used)),
      usedPercent: percent(f.usedRatio),
      warning: f.warning,
    };
  }
}

/** Km driven with the user as passenger in one driving period. */
export class KmQuotaResponse {
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ example: 100 }) grantedKm!: number;
  @ApiProperty({ example: 0 }) approvedOverrunKm!: number;
  @ApiProperty({ example: 42.5 }) usedKm!: number;
  @ApiProperty({ example: 57.5 }) remainingKm!: number;
  @ApiProperty({ example: 42.5, nullable: true, type: Number }) usedPercent!: number | null;
  @ApiProperty() warning!: boolean;

  static from(period: { start: string; end: string }, f: PeriodQuotaFigures): KmQuotaResponse {
    const used = f.used + f.requested;
    return {
      periodStart: period.start,
      periodEnd: period.end,
      grantedKm: tenthsToKm(f.granted),
      approvedOverrunKm: tenthsToKm(f.approvedOverrun),
      usedKm: tenthsToKm(used),
      remainingKm: tenthsToKm(Math.max(0, f.allowed - used)),
      usedPercent: percent(f.usedRatio),
      warning: f.warning,
    };
  }
}

/** One user's quota on a date: hours and km against their vedtak. No decision text, no health data. */
export class QuotaResponse {
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ type: HoursQuotaResponse }) hours!: HoursQuotaResponse;
  @ApiProperty({ type: KmQuotaResponse }) km!: KmQuotaResponse;
  @ApiProperty({ description: 'Hours or km at 80 % or more of the quota' }) warning!: boolean;
}

/** A coordinator's line in the warning list: whose quota it is. */
export class QuotaWarningResponse extends QuotaResponse {
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
}

/** What a refusal for the quota shows: the figures, and how much of the request lies beyond the quota. */
export interface QuotaExcess {
  serviceUserId: string;
  decisionId: string;
  kind: 'hours' | 'km';
  periodStart: string;
  periodEnd: string;
  granted: number;
  approvedOverrun: number;
  used: number;
  requested: number;
  excess: number;
  unit: 'hours' | 'km';
}
