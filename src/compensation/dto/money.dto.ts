import { ApiProperty } from '@nestjs/swagger';
import { IsDateOnly } from '../../common/http/common-validators';
import { ExportFormatQuery } from './export-format';

export class ContactLineResponse {
  @ApiProperty({ example: '2026-10-01' }) rateValidFrom!: string;
  @ApiProperty({ example: 26000 }) hourlyRateOre!: number;
  @ApiProperty({ example: 400 }) kmRateOre!: number;
  @ApiProperty({ example: 330 }) minutes!: number;
  @ApiProperty({ example: 5.5 }) hours!: number;
  @ApiProperty({ example: 50 }) km!: number;
  @ApiProperty({ example: 143000 }) hoursOre!: number;
  @ApiProperty({ example: 20000 }) kmOre!: number;
  @ApiProperty({ example: 0 }) expensesOre!: number;
  @ApiProperty({ example: 163000 }) totalOre!: number;
}

export class PassengerLineResponse {
  @ApiProperty() serviceUserId!: string;
  @ApiProperty() rateValidFrom!: string;
  @ApiProperty() kmRateOre!: number;
  @ApiProperty({ description: "The user's km as passenger" }) km!: number;
  @ApiProperty({ description: 'Half the km at the km rate, in øre' }) amountOre!: number;
}

/** What a timesheet is worth: the contact's pay by rate period, and each user's invoice for half the km. */
export class TimesheetMoneyResponse {
  @ApiProperty() timesheetId!: string;
  @ApiProperty({ enum: ['open', 'signed', 'approved'] }) status!: string;
  @ApiProperty({ type: [ContactLineResponse] }) contactLines!: ContactLineResponse[];
  @ApiProperty({ type: [PassengerLineResponse] }) passengerLines!: PassengerLineResponse[];
  @ApiProperty() contactTotalOre!: number;
  @ApiProperty() passengerTotalOre!: number;
  @ApiProperty({ description: "The municipality's half of the driving: contact km pay less the invoices" })
  municipalityKmOre!: number;
}

export class PayrollLineResponse extends ContactLineResponse {
  @ApiProperty() contactId!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() timesheetId!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
}

export class InvoiceLineResponse extends PassengerLineResponse {
  @ApiProperty() serviceUserName!: string;
  @ApiProperty() timesheetId!: string;
  @ApiProperty() periodStart!: string;
  @ApiProperty() periodEnd!: string;
}

export class PayrollExportResponse {
  @ApiProperty() periodStart!: string;
  @ApiProperty({ type: [PayrollLineResponse] }) lines!: PayrollLineResponse[];
  @ApiProperty() timesheets!: number;
  @ApiProperty() minutes!: number;
  @ApiProperty() hoursOre!: number;
  @ApiProperty() kmOre!: number;
  @ApiProperty() expensesOre!: number;
  @ApiProperty() totalOre!: number;
}

export class InvoiceExportResponse {
  @ApiProperty() periodStart!: string;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines!: InvoiceLineResponse[];
  @ApiProperty() totalOre!: number;
}

export class ExportQuery extends ExportFormatQuery {
  @ApiProperty({ example: '2026-09-21', description: 'The first day of the pay period' })
  @IsDateOnly()
  periodStart!: string;
}
