import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ApiError, ErrorBody, FieldIssue, MAX_FIELD_ISSUES } from './api-error';
import { apiErrorFromDatabase, isDatabaseUnavailable } from './postgres-errors';

const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/g;

/**
 * A database error without its bound parameters or the driver's detail (both may hold personal data, e.g. a
 * fødselsnummer), and with any 11-digit run masked in its message: nothing personal in a log line (TRUST 13).
 */
function loggableError(exception: unknown): unknown {
  if (!(exception instanceof QueryFailedError)) return exception;
  const driverError = exception.driverError as
    { code?: string; constraint?: string; routine?: string } | undefined;
  const mask = (text: string | undefined) => text?.replace(ELEVEN_DIGITS, '***********');
  return {
    type: 'QueryFailedError',
    message: mask(exception.message),
    stack: mask(exception.stack),
    query: exception.query,
    code: driverError?.code,
    constraint: driverError?.constraint,
    routine: driverError?.routine,
  };
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json)',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length does not match the body',
};

/**
 * Every failure leaves the service in one shape: { status, code, message, details, requestId }.
 * No stack trace, SQL or driver message ever reaches the client; unexpected errors are logged with the request id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = request.id;
    const body = this.toBody(exception, requestId);
    if (body.status >= 500) {
      this.logger.error(
        { err: loggableError(exception), requestId },
        `${request.method} ${request.routeOptions?.url ?? ''} failed`,
      );
    }
    if (!reply.sent) {
      void reply.status(body.status).send(body);
    }
  }

  private toBody(exception: unknown, requestId: string): ErrorBody & Record<string, unknown> {
    if (exception instanceof ApiError) {
      return {
        status: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        details: exception.details.slice(0, MAX_FIELD_ISSUES),
        requestId,
        ...(exception.context ? { context: exception.context } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string'
          ? payload
          : typeof (payload as { message?: unknown }).message === 'string'
            ? (payload as { message: string }).message
            : exception.message;
      return { status, code: codeByStatus[status] ?? 'error', message, details: [], requestId };
    }
    const fromDatabase = apiErrorFromDatabase(exception);
    if (fromDatabase) return this.toBody(fromDatabase, requestId);
    if (isDatabaseUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'database_unavailable',
        message: 'The register is temporarily unavailable; try again shortly',
        details: [],
        requestId,
      };
    }
    // Errors raised by Fastify before a route runs (body limit, media type): an HTTP status and a code, never a
    // stack for clients.
    const fastifyError = exception as { statusCode?: number; code?: string };
    const status = fastifyError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const details: FieldIssue[] = [];
      const message = fastifyMessages[fastifyError.code ?? ''] ?? 'The request could not be read';
      return { status, code: codeByStatus[status] ?? 'bad_request', message, details, requestId };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: 'Something went wrong on our side; the error is logged with this request id',
      details: [],
      requestId,
    };
  }
}
