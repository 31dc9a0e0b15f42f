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

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export function daysAhead(days: number): string {
  return daysAgo(-days);
}
