import { INestApplication } from '@nestjs/common';
import { addDays } from '../../src/common/dates';
import { generateValidNationalId } from '../../src/service-users/national-id';
import { daysAgo, daysAhead } from '../factories';
import { dataSourceOf } from './test-app';

/**
 * Test setup for contexts that need service users with a vedtak but do not test that context: rows inserted
 * with SQL, so these suites do not depend on the service-users API's rules. Fødselsnumre are synthetic
 * (Tenor, month + 80), different for every user this process makes.
 */
let sequence = 0;

function nextNationalId(): { nationalId: string; birthDate: string } {
  for (;;) {
    sequence += 1;
    const birthDate = addDays('2008-01-01', sequence % 3000);
    const from = 500 + Math.floor(sequence / 3000) * 2;
    const generated = generateValidNationalId(birthDate, { kind: 'synthetic', fromIndividualNumber: from });
    if (generated) return { nationalId: generated.nationalId, birthDate };
  }
}

export interface SeededUser {
  id: string;
  nationalId: string;
  firstName: string;
  lastName: string;
}

export async function seedServiceUser(
  app: INestApplication,
  municipalityId: string,
  overrides: { firstName?: string; lastName?: string; wishes?: string } = {},
): Promise<SeededUser> {
  const { nationalId, birthDate } = nextNationalId();
  const firstName = overrides.firstName ?? 'Ola';
  const lastName = overrides.lastName ?? `Nordmann${sequence}`;
  const [{ id }] = await dataSourceOf(app).query(
    `INSERT INTO service_users (municipality_id, national_id, first_name, last_name, birth_date, wishes, interests)
     VALUES ($1, $2, $3, $4, $5, $6, '{walks}') RETURNING id`,
    [
      municipalityId,
      nationalId,
      firstName,
      lastName,
      birthDate,
      overrides.wishes ?? 'Turer; trenger ro etter skolen',
    ],
  );
  return { id, nationalId, firstName, lastName };
}

export interface DecisionRow {
  serviceForm?: 'individual' | 'group' | 'volunteer_partnership';
  hoursGranted?: number;
  hoursPeriod?: 'week' | 'month';
  validFrom?: string;
  validTo?: string;
  decisionText?: string;
}

export async function seedDecision(
  app: INestApplication,
  municipalityId: string,
  serviceUserId: string,
  decision: DecisionRow = {},
): Promise<string> {
  const validFrom = decision.validFrom ?? daysAgo(30);
  const [{ id }] = await dataSourceOf(app).query(
    `INSERT INTO decisions (municipality_id, service_user_id, service_form, hours_granted, hours_period,
                            decided_on, valid_from, valid_to, waiting_since, decision_text, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $6, $8, 'test') RETURNING id`,
    [
      municipalityId,
      serviceUserId,
      decision.serviceForm ?? 'individual',
      decision.hoursGranted ?? 4,
      decision.hoursPeriod ?? 'week',
      validFrom,
      decision.validTo ?? daysAhead(365),
      decision.decisionText ?? 'Innvilget støttekontakt på grunn av diagnose (helseopplysning)',
    ],
  );
  return id;
}

/** A service user with a vedtak in force today. */
export async function seedUserWithDecision(
  app: INestApplication,
  municipalityId: string,
  decision: DecisionRow = {},
  user: { firstName?: string; lastName?: string } = {},
): Promise<SeededUser & { decisionId: string }> {
  const seeded = await seedServiceUser(app, municipalityId, user);
  return { ...seeded, decisionId: await seedDecision(app, municipalityId, seeded.id, decision) };
}
