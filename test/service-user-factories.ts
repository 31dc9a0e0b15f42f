import { generateValidNationalId } from '../src/service-users/national-id';
import { addDays, addMonths } from '../src/common/dates';
import { daysAgo, today } from './factories';

const nextIndividualNumber = new Map<string, number>();

/**
 * A valid fødselsnummer for `birthDate`, different on every call (per birth date and kind). Tenor synthetic
 * numbers by default: the e2e environment allows them, and they can never be a real person's number.
 */
export function nationalIdFor(
  birthDate = '1990-01-17',
  kind: 'synthetic' | 'fnr' | 'dnr' = 'synthetic',
): string {
  const key = `${birthDate}:${kind}`;
  const generated = generateValidNationalId(birthDate, {
    kind,
    fromIndividualNumber: nextIndividualNumber.get(key),
  });
  if (!generated) throw new Error('no more test numbers for this birth date');
  nextIndividualNumber.set(key, generated.individualNumber + 1);
  return generated.nationalId;
}

/** A birth date `years` calendar years and `days` days before today (Oslo), so the age is exact on any day. */
export function bornYearsAgo(years: number, days = 0): string {
  return addDays(addMonths(today(), -Math.round(years * 12)), -days);
}

export const serviceUserBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  nationalId: nationalIdFor(),
  firstName: 'Ola',
  lastName: 'Nordmann',
  gender: 'male',
  phone: '+47 912 34 567',
  languages: ['nb'],
  postalCode: '0150',
  latitude: 59.91,
  longitude: 10.75,
  interests: ['cinema', 'football'],
  availability: [{ day: 'wed', start: '16:00', end: '19:00' }],
  wishes: 'Vil gjerne gå på kino og trene',
  preferredContactGender: 'male',
  preferredLanguage: 'nb',
  preferredContactAgeMin: 20,
  preferredContactAgeMax: 40,
  ...overrides,
});

export const decisionBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  serviceForm: 'individual',
  hoursGranted: 4,
  hoursPeriod: 'week',
  drivingKmGranted: 100,
  drivingPeriod: 'month',
  decidedOn: daysAgo(10),
  validFrom: daysAgo(5),
  validTo: daysAgo(-360),
  decisionText: 'Innvilget støttekontakt 4 timer per uke for å delta i fritidsaktiviteter.',
  ...overrides,
});
