import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsDateOnly } from '../../common/http/common-validators';

/** Expenses of one category on a pay line: what was paid, and what the category's rule covers (what is paid out). */
export class ExpenseCategoryAmountResponse {
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ example: 'Parkering for støttekontakten' }) categoryName!: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 18000 }) paidOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 15000 }) coveredOre!: number;
}

export class ContactLineResponse {
  @ApiProperty({ format: 'date', example: '2026-10-01' }) rateValidFrom!: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 26000 }) hourlyRateOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 400 }) kmRateOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 330 }) minutes!: number;
  @ApiProperty({ example: 5.5 }) hours!: number;
  @ApiProperty({ example: 50 }) km!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 143000 }) hoursOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 20000 }) kmOre!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    example: 0,
    description: "Expenses covered by their categories' rules",
  })
  expensesOre!: number;
  @ApiProperty({ type: [ExpenseCategoryAmountResponse], description: 'The expenses by category' })
  expenses!: ExpenseCategoryAmountResponse[];
  @ApiProperty({ type: 'integer', format: 'int32', example: 163000 }) totalOre!: number;
}

export class PassengerLineResponse {
  @ApiProperty({ format: 'uuid' }) serviceUserId!: string;
  @ApiProperty({ format: 'date' }) rateValidFrom!: string;
  @ApiProperty({ type: 'integer', format: 'int32' }) kmRateOre!: number;
  @ApiProperty({ description: "The user's km as passenger" }) km!: number;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Half the km at the km rate, in øre' })
  amountOre!: number;
}

/** What a timesheet is worth: the contact's pay by rate period, and each user's invoice for half the km. */
export class TimesheetMoneyResponse {
  @ApiProperty({ format: 'uuid' }) timesheetId!: string;
  @ApiProperty({ enum: ['open', 'signed', 'approved'] }) status!: string;
  @ApiProperty({ type: [ContactLineResponse] }) contactLines!: ContactLineResponse[];
  @ApiProperty({ type: [PassengerLineResponse] }) passengerLines!: PassengerLineResponse[];
  @ApiProperty({ type: 'integer', format: 'int32' }) contactTotalOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) passengerTotalOre!: number;
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    description: "The municipality's half of the driving: contact km pay less the invoices",
  })
  municipalityKmOre!: number;
}

export class PayrollLineResponse extends ContactLineResponse {
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty({ format: 'uuid' }) timesheetId!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
}

export class InvoiceLineResponse extends PassengerLineResponse {
  @ApiProperty() serviceUserName!: string;
  @ApiProperty({ format: 'uuid' }) timesheetId!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
}

export class PayrollExportResponse {
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ type: [PayrollLineResponse] }) lines!: PayrollLineResponse[];
  @ApiProperty({ type: 'integer', format: 'int32' }) timesheets!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) minutes!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) hoursOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) kmOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) expensesOre!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) totalOre!: number;
}

export class InvoiceExportResponse {
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines!: InvoiceLineResponse[];
  @ApiProperty({ type: 'integer', format: 'int32' }) totalOre!: number;
}

export const PAY_EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

export class ExportQuery {
  @ApiProperty({ example: '2026-09-21', description: 'The first day of the pay period' })
  @IsDateOnly()
  periodStart!: string;

  @ApiPropertyOptional({
    enum: PAY_EXPORT_FORMATS,
    default: 'json',
    description:
      'csv: as Norwegian Excel opens it (UTF-8 with BOM, `;`, decimal comma, kroner, CRLF); xlsx: one worksheet',
  })
  @IsOptional()
  @IsIn(PAY_EXPORT_FORMATS)
  format?: (typeof PAY_EXPORT_FORMATS)[number];
}
