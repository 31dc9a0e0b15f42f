import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import {
  CreateInterestRequest,
  InterestResponse,
  MunicipalityResponse,
  UpdateMunicipalitySettingsRequest,
} from './dto/municipality.dto';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipality')
@ApiBearerAuth()
@Controller()
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get('municipality')
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiOperation({
    summary: "The caller's municipality and its settings",
    description:
      'The municipality the caller belongs to, with the settings that steer its rules: politiattest validity, meeting hours, matching weights and the waiting bands.',
  })
  async current(@CurrentPrincipal() principal: Principal): Promise<MunicipalityResponse> {
    return MunicipalityResponse.from(await this.municipalities.get(principal.municipalityId));
  }

  @Roles('admin')
  @Patch('municipality/settings')
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiOperation({
    summary: "Change the municipality's settings",
    description:
      'Changes only the settings given; the next nightly run and every later check use them. Refused with the field and the reason when a value is out of range.',
  })
  async updateSettings(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateMunicipalitySettingsRequest,
  ): Promise<MunicipalityResponse> {
    return MunicipalityResponse.from(
      await this.municipalities.updateSettings(principal.municipalityId, body),
    );
  }

  /** The controlled vocabulary of interests; contacts read it to fill in their profile. */
  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('interests')
  @ApiOkResponse({ type: [InterestResponse] })
  @ApiOperation({
    summary: 'The interest vocabulary',
    description:
      'The interests contacts, users and groups are described with (codes and Norwegian labels), as the municipality keeps them.',
  })
  async interests(@CurrentPrincipal() principal: Principal): Promise<InterestResponse[]> {
    return (await this.municipalities.listInterests(principal.municipalityId)).map(InterestResponse.from);
  }

  @Roles('coordinator', 'admin')
  @Post('interests')
  @ApiCreatedResponse({ type: InterestResponse })
  @ApiOperation({
    summary: 'Add an interest to the vocabulary',
    description:
      'Adds an interest with its code and Norwegian label; the code is then accepted wherever interests are given.',
  })
  async addInterest(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateInterestRequest,
  ): Promise<InterestResponse> {
    return InterestResponse.from(
      await this.municipalities.addInterest(principal.municipalityId, body.code, body.label),
    );
  }
}
