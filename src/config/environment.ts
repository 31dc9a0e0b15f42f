import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsIP,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import {
  MIN_SECRET_BYTES,
  readOrCreateLocalSignerSecret,
  readOrCreateSecretFile,
} from './local-signer-secret';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * Every environment variable the service reads, with its default for local use.
 * Validated once at start; a missing or malformed value stops the process with one line naming it.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Interface the API binds to; 0.0.0.0 inside a container. */
  @IsIP()
  HOST = '127.0.0.1';

  /** The API's and the worker's connection: as the application role, which may read and write rows, no more. */
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL = 'postgres://stottekontakt_app@127.0.0.1:5432/stottekontakt';

  /** The owner's connection: only `npm run migration:run` (and the demo seed) use it. */
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_OWNER_URL = 'postgres://postgres@127.0.0.1:5432/stottekontakt';

  /** The application role: created by the migrations where it is missing, and granted what the code needs. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_APP_ROLE must be a plain lower-case role name' })
  DATABASE_APP_ROLE = 'stottekontakt_app';

  /** Where given, `npm run migration:run` sets it as the application role's password (kept nowhere else). */
  @IsOptional()
  @IsString()
  @MinLength(16)
  DATABASE_APP_PASSWORD?: string;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for BullMQ keys, so several environments can share one Redis. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'stottekontakt';

  /**
   * HS256 secret of the local token signer, 32 bytes or more. No default: where the signer is enabled and this is
   * unset, a random secret is generated on first start and kept in LOCAL_SIGNER_SECRET_FILE.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  /**
   * Where the generated local signer secret is kept (relative to the working directory; `.data/` is gitignored),
   * so the API, the worker and `npm run token` share it.
   */
  @IsString()
  @MinLength(1)
  LOCAL_SIGNER_SECRET_FILE = '.data/local-signer-secret';

  /**
   * The server's pepper on the hashes of one-time signing codes (the HMAC-SHA256 key), 32 bytes or more, the same
   * for the API and the worker: a six-digit code has a million values, so without it a copy of the database would
   * give every stored code away offline. Required where the local signer is off (a production configuration);
   * with the signer on and this unset, generated on first start and kept in SIGNING_CODE_PEPPER_FILE.
   */
  @IsOptional()
  @IsString()
  SIGNING_CODE_PEPPER?: string;

  /** Where the local demo's generated pepper is kept (`.data/` is gitignored). */
  @IsString()
  @MinLength(1)
  SIGNING_CODE_PEPPER_FILE = '.data/signing-code-pepper';

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'stottekontakt-local';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'stottekontakt-api';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Write logs to this file instead of stdout (the e2e suite scans it for personal data afterwards). */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Tenor synthetic fødselsnumre (month + 80) are accepted only where this is on: test and demo systems. */
  @Transform(toBoolean)
  @IsBoolean()
  ALLOW_SYNTHETIC_NATIONAL_IDS = false;

  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  /**
   * An OpenID Connect issuer whose tokens are accepted besides the local signer's (the municipality's identity
   * provider). Its keys come from the issuer's discovery document. Empty = local tokens only.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  OIDC_ISSUER_URL?: string;

  /** The audience OIDC tokens must carry; defaults to JWT_AUDIENCE. */
  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  /**
   * Accept tokens from the local HS256 signer: only where asked for explicitly (`npm start`, the tests, the demo),
   * whatever NODE_ENV says. Off, the only way in is OIDC_ISSUER_URL.
   */
  @Transform(toBoolean)
  @IsBoolean()
  LOCAL_SIGNER_ENABLED = false;

  /** Requests per minute per client address before 429. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  /**
   * Fastify's `trustProxy`: the hops whose X-Forwarded-For is believed (e.g. 'loopback' or '10.0.0.0/8').
   * Empty = none, so a client cannot pick its own address to dodge the rate limit.
   */
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES = '';

  /**
   * How long a worker holds a matching job without renewing its lock. The engine is synchronous, so this must
   * outlast the longest run; a worker killed mid-run has its job taken over once the lock expires.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1000)
  MATCHING_JOB_LOCK_MS = 10 * 60_000;

  /** How often workers look for jobs whose worker died (stalled jobs). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(500)
  STALLED_CHECK_INTERVAL_MS = 30_000;

  /** When the nightly matching run starts, as a cron expression in Europe/Oslo time. */
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'MATCHING_CRON must be a cron expression like "0 2 * * *"' })
  MATCHING_CRON = '0 2 * * *';

  /** Where e-mail is sent (smtp:// or smtps://, credentials in the URL); the worker sends the notification outbox. */
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /**
   * The municipality's SMS provider (the `sms` channel; src/notifications/sms-gateway.ts): each message is a JSON
   * POST `{to, from, message, reference}` to this URL with `Authorization: Bearer SMS_GATEWAY_TOKEN`. Unset, SMS is
   * off: nobody can choose it, and the outbox sends e-mail only.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SMS_GATEWAY_URL?: string;

  /** The gateway's bearer token; required with SMS_GATEWAY_URL. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  SMS_GATEWAY_TOKEN?: string;

  /** The sender an SMS shows (an alphanumeric sender id: up to 11 letters or digits). */
  @Matches(/^[A-Za-z0-9]{1,11}$/, { message: 'SMS_SENDER must be 1–11 letters or digits' })
  SMS_SENDER = 'Kommunen';

  /** The sender of every notification e-mail. */
  @IsString()
  MAIL_FROM = 'Støttekontakt <ikke-svar@stottekontakt.local>';

  /** The web app's address as people reach it; links in e-mails and calendar feed URLs start with it. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /**
   * Register the crons (BullMQ job schedulers with fixed ids, so a deployment has one of each however many
   * instances upsert them) and run the outbox relays in this process (API instances); off in tests and tools.
   */
  @Transform(toBoolean)
  @IsBoolean()
  SCHEDULER_ENABLED = true;

  // --- Web app and its sign-in (src/web-session, src/web-app) ---

  /** The address people open the app at; the OIDC redirect URI is PUBLIC_URL/auth/callback. Default: http://127.0.0.1:PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** The client registered at OIDC_ISSUER_URL for the web app's sign-in; without it only bearer tokens use OIDC. */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** Scopes asked for at sign-in. */
  @IsString()
  @MinLength(6)
  OIDC_SCOPES = 'openid profile';

  /** The claim holding the role (a string, or an array such as Entra ID's `roles`: the first known role wins). */
  @IsString()
  @MinLength(1)
  OIDC_ROLE_CLAIM = 'role';

  /** The claim holding the municipality's id (UUID). */
  @IsString()
  @MinLength(1)
  OIDC_MUNICIPALITY_CLAIM = 'municipality_id';

  /** The claim holding a støttekontakt's roster id (role contact). */
  @IsString()
  @MinLength(1)
  OIDC_CONTACT_CLAIM = 'contact_id';

  /** The municipality of everyone the issuer signs in, when its tokens carry no municipality claim (one tenant per issuer). */
  @IsOptional()
  @IsUUID()
  OIDC_MUNICIPALITY_ID?: string;

  /**
   * The longest a bearer token is accepted after it was issued (its `iat`), whatever its `exp` says: a token signed
   * with a far expiry, by mistake or by a careless issuer, still stops working. 12 hours: one working day.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1440)
  TOKEN_MAX_AGE_MINUTES = 720;

  /** Minutes without a request after which a web session ends; it ends 12 hours after sign-in regardless. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(720)
  WEB_SESSION_IDLE_MINUTES = 30;

  /** The built web app (index.html + assets/) the API serves; default web/dist of the repository. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}

export interface ValidationOptions {
  /** False for tools that only touch the database (migrations, seed), which need no way to verify tokens. */
  verifiesTokens?: boolean;
}

/** Used by ConfigModule.forRoot({ validate }) and by the CLI tools that run outside Nest. */
export function validateEnvironment(
  raw: Record<string, unknown>,
  { verifiesTokens = true }: ValidationOptions = {},
): Environment {
  const known = Object.keys(new Environment());
  const picked = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => known.includes(key) && value !== ''),
  );
  const environment = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const value = /SECRET|PASSWORD|TOKEN|PEPPER/.test(error.property)
        ? '(hidden)'
        : JSON.stringify(error.value);
      return `${error.property}=${value}: ${Object.values(error.constraints ?? {}).join('; ')}`;
    });
    throw new Error(`Invalid configuration: ${lines.join(' | ')}`);
  }
  if (environment.SMS_GATEWAY_URL && !environment.SMS_GATEWAY_TOKEN) {
    throw new Error('Invalid configuration: SMS_GATEWAY_TOKEN is required with SMS_GATEWAY_URL');
  }
  if (!verifiesTokens) return environment;
  if (!environment.OIDC_ISSUER_URL && !environment.LOCAL_SIGNER_ENABLED) {
    throw new Error(
      'Invalid configuration: no way to verify tokens: set OIDC_ISSUER_URL (the municipality’s OpenID Connect issuer), or LOCAL_SIGNER_ENABLED=true for development only',
    );
  }
  if (environment.LOCAL_SIGNER_ENABLED && !environment.JWT_SECRET) {
    environment.JWT_SECRET = readOrCreateLocalSignerSecret(environment.LOCAL_SIGNER_SECRET_FILE);
  }
  environment.SIGNING_CODE_PEPPER = signingCodePepper(environment);
  return environment;
}

/** The pepper as given (never shorter than 32 bytes), or the local demo's generated one. */
function signingCodePepper(environment: Environment): string {
  const given = environment.SIGNING_CODE_PEPPER;
  if (given !== undefined) {
    if (Buffer.byteLength(given, 'utf8') < MIN_SECRET_BYTES) {
      throw new Error(
        `Invalid configuration: SIGNING_CODE_PEPPER=(hidden): must be ${MIN_SECRET_BYTES} bytes or more`,
      );
    }
    return given;
  }
  if (!environment.LOCAL_SIGNER_ENABLED) {
    throw new Error(
      `Invalid configuration: SIGNING_CODE_PEPPER is required where the local signer is off: a secret of ${MIN_SECRET_BYTES} bytes or more, the same for the API and the worker`,
    );
  }
  return readOrCreateSecretFile(environment.SIGNING_CODE_PEPPER_FILE, 'the signing code pepper');
}
