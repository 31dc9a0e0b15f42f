import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { AbsencesService } from './absences.service';
import { AbsenceResponse, CreateAbsenceRequest } from './dto/absence.dto';

/** A støttekontakt's own absences (ferie) on "Tilgjengelighet", and a contact's for staff on the roster. */
@ApiTags('contacts')
@ApiBearerAuth()
@Controller('contacts')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Roles('contact')
  @Get('me/absences')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Your absences that have not ended, first first',
    description:
      "The støttekontakt's own absences (ferie) from today on. On those days no proposal is made, no meeting suggested or booked, and no session logged.",
  })
  @ApiOkResponse({ type: [AbsenceResponse] })
  list(@CurrentPrincipal() principal: Principal): Promise<AbsenceResponse[]> {
    return this.absences.listOwn(principal);
  }

  @Roles('contact')
  @Post('me/absences')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Register an absence: no proposals, meetings or sessions on those days',
    description:
      'A støttekontakt registers days away (from and to, inclusive). An absence overlapping one already registered is refused.',
  })
  @ApiCreatedResponse({ type: AbsenceResponse })
  @ApiConflictResponse({ description: 'overlap: you are already away on some of these days' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateAbsenceRequest,
  ): Promise<AbsenceResponse> {
    return this.absences.createOwn(principal, body);
  }

  @Roles('contact')
  @Delete('me/absences/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({
    summary: 'Remove one of your absences',
    description: 'The days become available again for meetings and sessions.',
  })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    return this.absences.removeOwn(principal, id);
  }

  @Roles('coordinator', 'caseworker', 'admin')
  @Get(':id/absences')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "A contact's absences that have not ended, first first",
    description: 'For the roster: when a støttekontakt is away, so a coordinator does not plan around them.',
  })
  @ApiOkResponse({ type: [AbsenceResponse] })
  listOf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<AbsenceResponse[]> {
    return this.absences.listOf(principal, id);
  }
}
