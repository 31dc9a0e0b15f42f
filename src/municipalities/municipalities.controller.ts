import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  async current(@CurrentPrincipal() principal: Principal): Promise<MunicipalityResponse> {
    return MunicipalityResponse.from(await this.municipalities.get(principal.municipalityId));
  }

  @Roles('admin')
  @Patch('municipality/settings')
  @ApiOkResponse({ type: MunicipalityResponse })
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
  async interests(@CurrentPrincipal() principal: Principal): Promise<InterestResponse[]> {
    return (await this.municipalities.listInterests(principal.municipalityId)).map(InterestResponse.from);
  }

  @Roles('coordinator', 'admin')
  @Post('interests')
  @ApiCreatedResponse({ type: InterestResponse })
  async addInterest(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateInterestRequest,
  ): Promise<InterestResponse> {
    return InterestResponse.from(
      await this.municipalities.addInterest(principal.municipalityId, body.code, body.label),
    );
  }
}
