import { ApiProperty } from '@nestjs/swagger';
import type { BrokenLink, BrokenLinkReason } from '../access-log-chain';
import type { ChainVerification } from '../access-log-verifier';

const REASONS: BrokenLinkReason[] = [
  'sequence_gap',
  'previous_hash_mismatch',
  'row_hash_mismatch',
  'head_mismatch',
];

export class BrokenLinkResponse implements BrokenLink {
  @ApiProperty({ format: 'uuid' }) municipalityId!: string;
  @ApiProperty({ description: 'The position in the chain where it first fails', example: '1042' })
  chainSeq!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The row there; null when it is missing' })
  rowId!: string | null;
  @ApiProperty({
    enum: REASONS,
    description:
      'sequence_gap: a row is missing; previous_hash_mismatch: a row was replaced; row_hash_mismatch: a row was ' +
      'altered; head_mismatch: rows at the end were removed',
  })
  reason!: BrokenLinkReason;
}

/** The access log's hash chain for the caller's municipality, checked from its first row. */
export class ChainVerificationResponse implements ChainVerification {
  @ApiProperty({ format: 'uuid' }) municipalityId!: string;
  @ApiProperty({ minimum: 0 }) rowsChecked!: number;
  @ApiProperty({ type: BrokenLinkResponse, nullable: true }) firstBrokenLink!: BrokenLinkResponse | null;
}
