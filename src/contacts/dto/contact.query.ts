import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInterestCode, IsLanguageCode, IsPostalCode } from '../../common/http/common-validators';
import { PageQuery } from '../../common/http/pagination';
import { QueryBoolean } from '../../common/http/query-transforms';

export class ContactListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the first or last name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Has this interest code' })
  @IsOptional()
  @IsInterestCode()
  interest?: string;

  @ApiPropertyOptional({ description: 'Speaks this language (ISO 639 code)' })
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @ApiPropertyOptional() @IsOptional() @IsPostalCode() postalCode?: string;

  @ApiPropertyOptional({
    description: 'Only contacts that may be proposed today (or only those that may not)',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  eligible?: boolean;

  @ApiPropertyOptional() @IsOptional() @QueryBoolean() @IsBoolean() active?: boolean;
}
