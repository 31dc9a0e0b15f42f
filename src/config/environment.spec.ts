import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives sensible local defaults when nothing is set', () => {
    const environment = validateEnvironment({});
    expect(environment).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/stottekontakt',
      REDIS_URL: 'redis://127.0.0.1:6379',
      MATCHING_CRON: '0 2 * * *',
      ALLOW_SYNTHETIC_NATIONAL_IDS: false,
    });
  });

  it('parses numbers and booleans exactly', () => {
    expect(validateEnvironment({ PORT: '8080', ALLOW_SYNTHETIC_NATIONAL_IDS: 'true' })).toMatchObject({
      PORT: 8080,
      ALLOW_SYNTHETIC_NATIONAL_IDS: true,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['ALLOW_SYNTHETIC_NATIONAL_IDS', 'yes'],
    ['MATCHING_CRON', 'every night'],
    ['LOG_LEVEL', 'loud'],
  ])('stops with one line naming %s when it is malformed', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name}=`),
    );
  });

  it('never prints the secret it refuses', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET=\(hidden\)/);
    expect(() => validateEnvironment({ JWT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('refuses the development secret in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET must be set in production/,
    );
  });
});
