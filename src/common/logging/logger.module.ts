import { LoggerModule as PinoLoggerModule, Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import pino from 'pino';
import { AppConfig } from '../../config/app-config.service';

const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/g;

/**
 * Structured logs with a request id on every line: the id the HTTP adapter gave the request (src/app.setup.ts).
 * Bodies are never logged, and the Authorization header is redacted; query strings are dropped from the logged
 * URL because nothing personal should ride in them anyway.
 */
export const LoggerModule = PinoLoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig): Params => {
    const logFile = config.get('LOG_FILE');
    const options: Options = {
      level: config.get('LOG_LEVEL'),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // A client may still put a fødselsnummer in a path; it never reaches the log.
          url: req.url.split('?')[0].replace(ELEVEN_DIGITS, '***********'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customProps: (request) => ({
        requestId: request.id,
        ...(request.clientRequestId ? { clientRequestId: request.clientRequestId } : {}),
      }),
      autoLogging: { ignore: (request) => request.url === '/health' },
      transport:
        !logFile && config.get('NODE_ENV') === 'development' && process.stdout.isTTY
          ? { target: 'pino-pretty', options: { singleLine: true } }
          : undefined,
    };
    return {
      pinoHttp: logFile ? [options, pino.destination({ dest: logFile, sync: true, append: true })] : options,
    };
  },
});
