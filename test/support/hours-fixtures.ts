import { INestApplication } from '@nestjs/common';
import { addDays, addMonths } from '../../src/common/dates';
import { contactBody, today } from '../factories';
import { DecisionRow, seedUserWithDecision } from './seed-rows';
import { as, dataSourceOf, tokenFor } from './test-app';

type Client = ReturnType<typeof as>;

/**
 * The hours, timesheets and money suites live in one whole calendar year that is over: the year before the
 * Clock's today (Europe/Oslo). Every session, pay period, rate and report then lies in the past, with the
 * same months and days, whatever date the suite runs on. Read once, so a run across New Year keeps its year.
 */
export const YEAR = Number(today().slice(0, 4)) - 1;

/**
 * Setup for the hours, timesheets and money suites: contacts whose politiattest covers all of YEAR and today,
 * users with a vedtak from 1 January of YEAR (with driving), individual and group assignments, and a token per
 * contact.
 */
export function hoursFixtures(app: INestApplication, municipalityId: string, coordinator: Client) {
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    dataSourceOf(app).query(query, params);

  const newContact = async (overrides: Record<string, unknown> = {}) => {
    const body = contactBody({
      maxUsers: 10,
      maxWeeklyHours: 60,
      policeCertificateIssuedOn: `${YEAR - 1}-12-15`,
      policeCertificatePresentedOn: `${YEAR}-01-05`,
      confidentialitySignedOn: `${YEAR}-01-05`,
      ...overrides,
    });
    const contact = (await coordinator.post('/contacts').send(body).expect(201)).body as { id: string };
    const client = as(app, await tokenFor(app, 'contact', municipalityId, contact.id));
    return { id: contact.id, client };
  };

  const userWithDecision = async (
    decision: DecisionRow & { drivingKmGranted?: number; drivingPeriod?: 'week' | 'month' } = {},
    user: { firstName?: string; lastName?: string } = {},
  ) => {
    const seeded = await seedUserWithDecision(
      app,
      municipalityId,
      { validFrom: `${YEAR}-01-01`, hoursGranted: 10, hoursPeriod: 'month', ...decision },
      user,
    );
    await sql(`UPDATE decisions SET driving_km_granted = $2, driving_period = $3 WHERE id = $1`, [
      seeded.decisionId,
      decision.drivingKmGranted ?? 100,
      decision.drivingPeriod ?? 'month',
    ]);
    return seeded;
  };

  /** A contact with one individual assignment from `startsOn` for a new user. */
  const individual = async (
    decision: Parameters<typeof userWithDecision>[0] = {},
    startsOn = `${YEAR}-02-01`,
    contactOverrides: Record<string, unknown> = {},
  ) => {
    const contact = await newContact({ ...certificateFor(startsOn), ...contactOverrides });
    const user = await userWithDecision(decision);
    const assignment = (
      await coordinator
        .post('/assignments')
        .send({
          startWithoutIntroductionReason: 'continues from before',
          contactId: contact.id,
          serviceUserId: user.id,
          startsOn,
        })
        .expect(201)
    ).body as { id: string };
    return { contact, user, assignmentId: assignment.id };
  };

  /** A group of `size` members (each with a group vedtak) run by a new contact from `startsOn`. */
  const group = async (size: number, startsOn = `${YEAR}-02-01`) => {
    const contact = await newContact(certificateFor(startsOn));
    const created = (
      await coordinator
        .post('/groups')
        .send({ name: `Gruppe ${Math.random().toString(36).slice(2, 8)}` })
        .expect(201)
    ).body as { id: string };
    const members = [];
    for (let i = 0; i < size; i++) {
      const member = await userWithDecision({ serviceForm: 'group' });
      await coordinator.post(`/groups/${created.id}/members`).send({ serviceUserId: member.id }).expect(201);
      members.push(member);
    }
    const assignment = (
      await coordinator
        .post('/assignments')
        .send({ contactId: contact.id, groupId: created.id, startsOn, weeklyHours: 2 })
        .expect(201)
    ).body as { id: string };
    return { contact, members, groupId: created.id, assignmentId: assignment.id };
  };

  const session = (assignmentId: string, overrides: Record<string, unknown> = {}) => ({
    assignmentId,
    date: `${YEAR}-03-10`,
    start: '17:00',
    end: '19:00',
    activity: 'Tur i marka',
    ...overrides,
  });

  return { sql, newContact, userWithDecision, individual, group, session };
}

/** A politiattest no older than 3 months on the day the oppdragsavtale is signed (its start, DOMAIN rule 1). */
function certificateFor(startsOn: string) {
  const issuedOn = addMonths(startsOn, -2);
  const presentedOn = addDays(issuedOn, 7);
  return {
    policeCertificateIssuedOn: issuedOn,
    policeCertificatePresentedOn: presentedOn,
    confidentialitySignedOn: presentedOn,
  };
}
