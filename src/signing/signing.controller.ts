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
import { CurrentPrincipal, Public, Roles, RateLimit } from '../common/auth/decorators';
import { RATE_LIMITS } from '../common/auth/rate-limits';
import { Principal } from '../common/auth/principal';
import { ApiSecretTokenParam } from '../common/http/secret-token-param';
import { UuidParam } from '../common/http/uuid-param';
import { CreateSigningRequest, SigningCodeRequest, SigningDecisionRequest } from './dto/signing.request';
import {
  SigningCodeResponse,
  SigningDecisionResponse,
  SigningRequestResponse,
  SigningViewResponse,
} from './dto/signing.response';
import { SigningCodeService } from './signing-code.service';
import { SigningService } from './signing.service';

const REFUSED_LINK = {
  gone: 'signing_link_used, signing_link_replaced, signing_link_expired',
  conflict: 'timesheet_changed: the timesheet changed after the link was sent',
  notFound: 'signing_link_not_found: no such link (or an altered one)',
};

/** The user's own signature by a one-time link, or a one-time code on the contact's phone (DOMAIN rule 5, TRUST 34). */
@ApiTags('signing')
@Controller()
export class SigningController {
  constructor(
    private readonly signing: SigningService,
    private readonly codes: SigningCodeService,
  ) {}

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

  @Roles('contact')
  @ApiBearerAuth()
  @RateLimit(RATE_LIMITS.oneTimeCodeSend)
  @Post('timesheets/:id/signing-code')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Send a one-time code to the user or the guardian on record, to sign on the contact's phone",
    description:
      'The code goes by e-mail to the signer, never to the contact, and is not in this answer. It works for 10 minutes and 5 tries, is bound to the timesheet as it is now, and a new one voids the one before. At most 3 codes per timesheet in 15 minutes.',
  })
  @ApiOkResponse({ type: SigningCodeResponse })
  @ApiConflictResponse({
    description: 'timesheet_already_signed, timesheet_empty, signer_not_on_timesheet, no_signing_address',
  })
  sendCode(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: CreateSigningRequest,
  ): Promise<SigningCodeResponse> {
    return this.codes.send(principal, id, body);
  }

  @Roles('contact')
  @ApiBearerAuth()
  @RateLimit(RATE_LIMITS.oneTimeCodeConfirm)
  @Post('timesheets/:id/signing-code/confirm')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sign the timesheet with the one-time code the user or guardian got',
    description:
      "The signer reads the lines on the contact's phone and types in (or reads out) their code. The right code signs the timesheet once, recording who signed, by code, when and over what content; a wrong one is counted (signing_code_wrong, with the tries left).",
  })
  @ApiOkResponse({ type: SigningDecisionResponse })
  @ApiGoneResponse({ description: 'signing_code_expired, signing_code_used_up, signing_code_used' })
  @ApiConflictResponse({
    description:
      'timesheet_changed: the timesheet changed after the code was sent; signing_code_not_requested: no code to try',
  })
  confirmCode(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: SigningCodeRequest,
  ): Promise<SigningDecisionResponse> {
    return this.codes.confirm(principal, id, body.code);
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
