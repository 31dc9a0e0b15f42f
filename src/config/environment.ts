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

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/stottekontakt';

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for BullMQ keys, so several environments can share one Redis. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'stottekontakt';

  /** HS256 secret of the local token signer (development, tests and the demo). */
  @IsString()
  @MinLength(32)
  JWT_SECRET = 'development-only-secret-change-me-0123456789';

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

  /** Run pending migrations when the API or worker starts. */
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

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

  /** Accept tokens from the local HS256 signer (development, tests, demo). Turn off where OIDC is the only way in. */
  @Transform(toBoolean)
  @IsBoolean()
  LOCAL_SIGNER_ENABLED = true;

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

  /** The sender of every notification e-mail. */
  @IsString()
  MAIL_FROM = 'Støttekontakt <ikke-svar@stottekontakt.local>';

  /** The web app's address as people reach it; links in e-mails and calendar feed URLs start with it. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /** Run the nightly schedule in this process (API instances); off in tests and one-off tools. */
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

/** Used by ConfigModule.forRoot({ validate }) and by the CLI tools that run outside Nest. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const picked = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => known.includes(key) && value !== ''),
  );
  const environment = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const value = error.property.includes('SECRET') ? '(hidden)' : JSON.stringify(error.value);
      return `${error.property}=${value}: ${Object.values(error.constraints ?? {}).join('; ')}`;
    });
    throw new Error(`Invalid configuration: ${lines.join(' | ')}`);
  }
  if (environment.NODE_ENV === 'production' && environment.JWT_SECRET === new Environment().JWT_SECRET) {
    throw new Error('Invalid configuration: JWT_SECRET must be set in production');
  }
  return environment;
}
