import { ApiProperty } from '@nestjs/swagger';

/** A sent signing request as the contact sees it: never the address in full. */
export class SigningRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) timesheetId!: string;
  @ApiProperty({ enum: ['user', 'guardian'] }) signer!: 'user' | 'guardian';
  @ApiProperty({ description: 'Where the link went, masked (e.g. "k***@example.no")' }) sentTo!: string;
  @ApiProperty({ enum: ['pending', 'signed', 'objected', 'voided'] }) status!: string;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ description: 'SHA-256 of the timesheet content the link is bound to' }) contentHash!: string;
}

export class SigningLine {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ example: '10:00' }) start!: string;
  @ApiProperty({ example: '12:00' }) end!: string;
  @ApiProperty() hours!: number;
  @ApiProperty() activity!: string;
  @ApiProperty() km!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) expensesOre!: number;
  @ApiProperty({ description: 'A correction of an earlier line (its difference is paid)' })
  correction!: boolean;
}

export class SigningTotals {
  @ApiProperty({ type: 'integer', format: 'int32' }) sessions!: number;
  @ApiProperty() hours!: number;
  @ApiProperty() km!: number;
  @ApiProperty({ type: 'integer', format: 'int32' }) expensesOre!: number;
}

/** What the signer sees: first names, the lines and totals. No health data, no fødselsnummer. */
export class SigningViewResponse {
  @ApiProperty({ enum: ['user', 'guardian'] }) signer!: 'user' | 'guardian';
  @ApiProperty({ description: "The user's first name" }) userFirstName!: string;
  @ApiProperty({ description: "The støttekontakt's first name" }) contactFirstName!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ type: [SigningLine] }) lines!: SigningLine[];
  @ApiProperty({ type: SigningTotals }) totals!: SigningTotals;
}

export class SigningDecisionResponse {
  @ApiProperty({ enum: ['signed', 'objected'] }) status!: 'signed' | 'objected';
  @ApiProperty() decidedAt!: Date;
}

/** A one-time code on its way to the signer, as the contact sees it: where it went (masked), never the code. */
export class SigningCodeResponse {
  @ApiProperty({ format: 'uuid', description: 'The signing request the code belongs to' })
  signingRequestId!: string;
  @ApiProperty({ format: 'uuid' }) timesheetId!: string;
  @ApiProperty({ enum: ['user', 'guardian'] }) signer!: 'user' | 'guardian';
  @ApiProperty({ description: 'Where the code went, masked (e.g. "k***@example.no")' }) sentTo!: string;
  @ApiProperty({ description: 'When the code stops working' }) codeExpiresAt!: Date;
  @ApiProperty({ type: 'integer', format: 'int32', description: 'Tries before the code is void' })
  attempts!: number;
}
