import { ApiProperty } from '@nestjs/swagger';

/** Whether the caller has a calendar feed, and its address the one time it can be shown. */
export class CalendarFeedResponse {
  @ApiProperty({ description: 'A feed link works now' }) active!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the link was made' })
  createdAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The feed address to paste into a calendar app: only in the answer that made it (only its hash is kept); ' +
      'renew to get a new one, which stops the old',
  })
  url!: string | null;
}
