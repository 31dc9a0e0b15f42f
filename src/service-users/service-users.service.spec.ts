import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { ApiError } from '../common/errors/api-error';
import { AppConfig } from '../config/app-config.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { generateValidNationalId } from './national-id';
import { ServiceUsersService } from './service-users.service';

/** The service's own validation, with the setting for synthetic numbers read from AppConfig. */
describe('ServiceUsersService.validateIdentity', () => {
  const clock = { today: () => '2026-03-10' } as Clock;
  const serviceWith = (allowSynthetic: boolean) =>
    new ServiceUsersService({} as DataSource, {} as MunicipalitiesService, clock, {
      get: (key: string) => (key === 'ALLOW_SYNTHETIC_NATIONAL_IDS' ? allowSynthetic : undefined),
    } as AppConfig);
  const synthetic = generateValidNationalId('1990-01-17', { kind: 'synthetic' })!.nationalId;
  const real = generateValidNationalId('1990-01-17', { kind: 'fnr' })!.nationalId;

  it('refuses a synthetic number with 400 naming nationalId when ALLOW_SYNTHETIC_NATIONAL_IDS is off', () => {
    const attempt = () => serviceWith(false).validateIdentity(synthetic, undefined);
    expect(attempt).toThrow(ApiError);
    try {
      attempt();
    } catch (error) {
      const apiError = error as ApiError;
      expect(apiError.getStatus()).toBe(400);
      expect(apiError.details).toEqual([{ field: 'nationalId', reason: expect.stringMatching(/synthetic/) }]);
      expect(JSON.stringify({ message: apiError.message, details: apiError.details })).not.toContain(
        synthetic,
      );
    }
  });

  it('accepts the same number when the setting is on, returning its birth date', () => {
    expect(serviceWith(true).validateIdentity(synthetic, undefined)).toBe('1990-01-17');
  });

  it('accepts a real fødselsnummer either way', () => {
    expect(serviceWith(false).validateIdentity(real, '1990-01-17')).toBe('1990-01-17');
  });

  it('refuses a birth date that disagrees with the number, naming birthDate', () => {
    expect(() => serviceWith(true).validateIdentity(real, '1991-01-17')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'birthDate' })] }),
    );
  });
});
