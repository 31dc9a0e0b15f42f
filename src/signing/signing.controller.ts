import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { ApiSecretTokenParam } from '../common/http/secret-token-param';
import { UuidParam } from '../common/http/uuid-param';
import { CreateSigningRequest, SigningDecisionRequest } from './dto/signing.request';
import { SigningDecisionResponse, SigningRequestResponse, SigningViewResponse } from './dto/signing.response';
import { SigningService } from './signing.service';

const REFUSED_LINK = {
  gone: 'signing_link_used, signing_link_replaced, signing_link_expired',
  conflict: 'timesheet_changed: the timesheet changed after the link was sent',
  notFound: 'signing_link_not_found: no such link (or an altered one)',
};

/** The user's own signature by a one-time link (DOMAIN rule 5, TRUST 34). */
@ApiTags('signing')
@Controller()
export class SigningController {
  constructor(private readonly signing: SigningService) {}

  @Roles('contact')
  @ApiBearerAuth()
  @Post('timesheets/:id/signing-request')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Send the timesheet to signing: a one-time link goes by e-mail to the user or the guardian on record',
    description:
      "The link is single use, expires, and is bound to the timesheet's content: any later change voids it. The user signs, never the contact.",
  })
  @ApiOkResponse({ type: SigningRequestResponse })
  @ApiConflictResponse({
    description: 'timesheet_already_signed, timesheet_empty, signer_not_on_timesheet, no_signing_address',
  })
  requestSignature(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateSigningRequest,
  ): Promise<SigningRequestResponse> {
    return this.signing.request(principal, id, body);
  }

  @Public()
  @Get('signing/:token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({
    summary: 'The timesheet behind a signing link, in plain terms (no sign-in)',
    description:
      "What the user or guardian sees when opening the link: the month's lines and totals in plain Norwegian. A used, replaced, expired or voided link is refused.",
  })
  @ApiOkResponse({ type: SigningViewResponse })
  @ApiGoneResponse({ description: REFUSED_LINK.gone })
  @ApiConflictResponse({ description: REFUSED_LINK.conflict })
  @ApiNotFoundResponse({ description: REFUSED_LINK.notFound })
  @ApiSecretTokenParam('The one-time token from the link the user or guardian was sent')
  view(@Param('token') token: string): Promise<SigningViewResponse> {
    return this.signing.view(token);
  }

  @Public()
  @Post('signing/:token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({
    summary: 'Confirm the timesheet or object to it, once (no sign-in)',
    description:
      'The user or guardian confirms the month or objects with a comment. The signature records who signed, how, when and the content hash; an objection reaches the coordinator.',
  })
  @ApiOkResponse({ type: SigningDecisionResponse })
  @ApiGoneResponse({ description: REFUSED_LINK.gone })
  @ApiConflictResponse({ description: REFUSED_LINK.conflict })
  @ApiNotFoundResponse({ description: REFUSED_LINK.notFound })
  @ApiSecretTokenParam('The one-time token from the link the user or guardian was sent')
  decide(
    @Param('token') token: string,
    @Body() body: SigningDecisionRequest,
  ): Promise<SigningDecisionResponse> {
    return this.signing.decide(token, body);
  }
}
