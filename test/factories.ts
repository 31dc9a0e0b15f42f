import { Clock } from '../src/common/clock';
import { addDays } from '../src/common/dates';

/** Valid request bodies in one line, so a test states only what matters to it. */
export const contactBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  firstName: 'Kari',
  lastName: 'Nordmann',
  birthYear: 1990,
  gender: 'female',
  languages: ['nb', 'en'],
  postalCode: '0150',
  latitude: 59.91,
  longitude: 10.75,
  interests: ['hiking', 'cinema'],
  availability: [{ day: 'tue', start: '17:00', end: '20:00' }],
  maxUsers: 2,
  maxWeeklyHours: 8,
  drivesOwnCar: true,
  policeCertificateIssuedOn: daysAgo(30),
  policeCertificatePresentedOn: daysAgo(20),
  confidentialitySignedOn: daysAgo(20),
  ...overrides,
});

/**
 * Today in Norway from the service's own Clock (Europe/Oslo), so a fixture's dates and the rules agree at any
 * hour; a UTC date is yesterday's in Oslo from midnight to 01:00 or 02:00.
 */
export function today(): string {
  return new Clock().today();
}

export function daysAgo(days: number): string {
  return addDays(today(), -days);
}

export function daysAhead(days: number): string {
  return daysAgo(-days);
}
