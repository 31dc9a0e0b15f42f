import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInterestCode, IsPostalCode } from '../../common/http/common-validators';
import { PageQuery } from '../../common/http/pagination';
import { QueryBoolean } from '../../common/http/query-transforms';
import { SERVICE_FORMS, ServiceForm } from '../../decisions/decision.entity';

export const SERVICE_USER_SORTS = ['name', 'waitingSince'] as const;
export type ServiceUserSort = (typeof SERVICE_USER_SORTS)[number];

export class ServiceUserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the first or last name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Has this interest code' })
  @IsOptional()
  @IsInterestCode()
  interest?: string;

  @ApiPropertyOptional({ enum: SERVICE_FORMS, description: "The form of service of today's decision" })
  @IsOptional()
  @IsIn(SERVICE_FORMS)
  serviceForm?: ServiceForm;

  @ApiPropertyOptional({
    description:
      'Only users with a decision valid today and no open assignment (individually or through a group) — or only the others',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  waiting?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsPostalCode() postalCode?: string;

  @ApiPropertyOptional({
    enum: SERVICE_USER_SORTS,
    default: 'name',
    description: "waitingSince: longest waiting first (by today's decision), then by name",
  })
  @IsOptional()
  @IsIn(SERVICE_USER_SORTS)
  sort: ServiceUserSort = 'name';
}
