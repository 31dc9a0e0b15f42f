import { keyedBy } from '../../common/openapi/keyed-by';
import { ASSIGNMENT_END_REASONS } from '../../assignments/assignment.entity';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsDateOnly } from '../../common/http/common-validators';
import { ExportFormatQuery } from '../../compensation/dto/export-format';

/** The longest range one report covers: five years, beyond any question a municipality asks of one report. */
export const MAX_REPORT_DAYS = 1827;

export class RangeQuery extends ExportFormatQuery {
  @ApiProperty({ example: '2026-01-01' }) @IsDateOnly() from!: string;
  @ApiProperty({
    example: '2026-12-31',
    description: `On or after from, and fewer than ${MAX_REPORT_DAYS} days (five years) after it`,
  })
  @IsDateOnly()
  to!: string;
}

export class YearQuery extends ExportFormatQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class UserHoursLine {
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ description: 'Granted by the vedtak within the range (pro rata for part periods)' })
  grantedHours!: number;
  @ApiProperty() usedHours!: number;
  @ApiProperty({ nullable: true, type: Number }) usedPercent!: number | null;
}

export class ContactHoursLine {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ description: 'Weekly hours of the assignments within the range' }) assignedHours!: number;
  @ApiProperty() usedHours!: number;
}

export class HoursReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [UserHoursLine] }) users!: UserHoursLine[];
  @ApiProperty({ type: [ContactHoursLine] }) contacts!: ContactHoursLine[];
}

export class WaitingBands {
  @ApiProperty({ type: 'integer', format: 'int32' }) within15Days!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) from16To30Days!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) from31Days!: number;
}

export class WaitingTimesReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({
    type: WaitingBands,
    description: 'Users whose first start fell in the range, by days waited',
  })
  started!: WaitingBands;
  @ApiProperty({
    type: WaitingBands,
    description: 'Users still waiting on the last day, by days waited so far',
  })
  stillWaiting!: WaitingBands;
}

export class EndedBand {
  @ApiProperty({ type: 'integer', format: 'int32' }) count!: number;
  @ApiProperty({
    ...keyedBy(ASSIGNMENT_END_REASONS, { type: 'integer', format: 'int32', minimum: 0 }),
    example: { contact_quit: 2 },
  })
  reasons!: Record<string, number>;
}

export class EndedAssignmentsReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: 'integer', format: 'int32' }) ended!: number;
  @ApiProperty({ type: EndedBand }) within3Months!: EndedBand;
  @ApiProperty({ type: EndedBand }) within6Months!: EndedBand;
  @ApiProperty({ type: EndedBand }) within12Months!: EndedBand;
  @ApiProperty({ type: EndedBand }) after12Months!: EndedBand;
}

export class KprLine {
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({
    description: 'fødselsnummer: KPR identifies the person; staff only, never in a URL or a log',
  })
  nationalId!: string;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    example: 9,
    description: "KPR's service code for støttekontakt",
  })
  serviceCode!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) year!: number;
  @ApiProperty() hours!: number;
}

export class KprReport {
  @ApiProperty({ type: 'integer', format: 'int32' }) year!: number;
  @ApiProperty({ type: [KprLine] }) lines!: KprLine[];
  @ApiProperty() totalHours!: number;
}
