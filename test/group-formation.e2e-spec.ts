import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { todayInOslo } from '../src/common/dates';
import { minutesOfDay, WeeklySlot } from '../src/common/scheduling/weekly-slot';
import { MatchingRunExecutor } from '../src/matching/matching-run.executor';
import { MatchingSummary } from '../src/matching/matching-summary';
import { WorkerModule } from '../src/worker.module';
import { contactBody, daysAgo } from './factories';
import { seedUserWithDecision } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

interface Person {
  id: string;
}
interface GroupProposal {
  id: string;
  groupId: string | null;
  name: string;
  interests: string[];
  meetingTime: WeeklySlot;
  status: string;
  members: Person[];
  contacts: Person[];
  reason: string;
}

const TUESDAY_EVENING: WeeklySlot[] = [{ day: 'tue', start: '17:00', end: '21:00' }];
const HOME = { latitude: 59.913, longitude: 10.752 };

/** Activity groups that form themselves (issue 4, items 7–8): run → group proposals → accept → real group. */
describe('group formation in the matching run', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let existingGroupId: string;
  let ineligibleContactId: string;
  const availabilityOf = new Map<string, WeeklySlot[]>();
  const interestsOf = new Map<string, string[]>();

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    db.query(query, params);

  /** A user whose vedtak is for an activity group, at a place, with interests and free times. */
  async function groupUser(
    i: number,
    { interests = ['walks'], availability = TUESDAY_EVENING, north = 0 } = {},
  ): Promise<string> {
    const user = await seedUserWithDecision(
      app,
      municipalityId,
      { serviceForm: 'group', hoursGranted: 2, validFrom: daysAgo(20 + i * 3) },
      { firstName: `Gruppe${i}` },
    );
    await sql(
      `UPDATE service_users SET latitude = $2, longitude = $3, interests = $4, availability = $5 WHERE id = $1`,
      [
        user.id,
        HOME.latitude + north / 111 + (i % 5) * 0.004,
        HOME.longitude + (i % 3) * 0.006,
        interests,
        JSON.stringify(availability),
      ],
    );
    availabilityOf.set(user.id, availability);
    interestsOf.set(user.id, interests);
    return user.id;
  }

  async function runMatching(): Promise<{ runId: string; summary: MatchingSummary }> {
    const [run] = await sql<{ id: string }>(
      `INSERT INTO matching_runs (municipality_id, trigger, run_date, requested_by)
       VALUES ($1, 'manual', $2, 'test') RETURNING id`,
      [municipalityId, todayInOslo(new Date())],
    );
    const summary = await worker.get(MatchingRunExecutor).execute(run.id, async () => undefined);
    return { runId: run.id, summary: summary! };
  }

  const proposalsOf = async (runId: string): Promise<GroupProposal[]> =>
    (await coordinator.get(`/group-proposals?runId=${runId}&pageSize=100`).expect(200)).body.items;

  const covers = (free: WeeklySlot[], meeting: WeeklySlot) =>
    free.some(
      (slot) =>
        slot.day === meeting.day &&
        minutesOfDay(slot.start) <= minutesOfDay(meeting.start) &&
        minutesOfDay(slot.end) >= minutesOfDay(meeting.end),
    );

  beforeAll(async () => {
    app = await createTestApp();
    db = dataSourceOf(app);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));

    const contact = (overrides: Record<string, unknown> = {}) =>
      coordinator
        .post('/contacts')
        .send(
          contactBody({
            ...HOME,
            interests: ['walks'],
            availability: TUESDAY_EVENING,
            maxUsers: 1,
            maxWeeklyHours: 4,
            ...overrides,
          }),
        )
        .expect(201);
    for (let k = 0; k < 3; k++) await contact({ lastName: `Gruppeleder${k}` });
    ineligibleContactId = (
      await contact({
        lastName: 'Utenattest',
        policeCertificateIssuedOn: null,
        policeCertificatePresentedOn: null,
      })
    ).body.id;

    // An existing group meeting Tuesdays 18–20 with four members: two open seats.
    existingGroupId = (
      await coordinator
        .post('/groups')
        .send({
          name: 'Tirsdagsturen',
          interests: ['walks'],
          ...HOME,
          meetingTimes: [{ day: 'tue', start: '18:00', end: '20:00' }],
        })
        .expect(201)
    ).body.id;
    for (let k = 0; k < 4; k++) {
      const member = await seedUserWithDecision(app, municipalityId, {
        serviceForm: 'group',
        hoursGranted: 2,
      });
      await coordinator
        .post(`/groups/${existingGroupId}/members`)
        .send({ serviceUserId: member.id })
        .expect(201);
    }

    // 15 users waiting for a group: 12 Tuesday walkers nearby, one on Saturdays only, one who only likes chess,
    // one who lives 40 km away.
    for (let i = 0; i < 12; i++) await groupUser(i);
    await groupUser(12, { availability: [{ day: 'sat', start: '10:00', end: '14:00' }] });
    await groupUser(13, { interests: ['chess'] });
    await groupUser(14, { north: 40 });
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  let runId: string;
  let proposals: GroupProposal[];

  it('proposes groups of 3–6 whose members all share the interest and the meeting time, with eligible contacts', async () => {
    const run = await runMatching();
    runId = run.runId;
    proposals = await proposalsOf(runId);
    const fresh = proposals.filter((p) => p.groupId === null);
    expect(run.summary.groupsProposed).toBe(fresh.length);
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    const seen = new Set<string>();
    for (const proposal of proposals) {
      expect(proposal.status).toBe('open');
      for (const member of proposal.members) {
        expect(seen.has(member.id)).toBe(false);
        seen.add(member.id);
        expect(covers(availabilityOf.get(member.id)!, proposal.meetingTime)).toBe(true);
      }
    }
    for (const proposal of fresh) {
      expect(proposal.members.length).toBeGreaterThanOrEqual(3);
      expect(proposal.members.length).toBeLessThanOrEqual(6);
      expect(proposal.contacts.length).toBeGreaterThanOrEqual(1);
      expect(proposal.contacts.length).toBeLessThanOrEqual(2);
      expect(proposal.contacts.map((c) => c.id)).not.toContain(ineligibleContactId);
      expect(proposal.interests).toEqual(['walks']);
      expect(proposal.members.every((m) => interestsOf.get(m.id)!.includes('walks'))).toBe(true);
      expect(
        minutesOfDay(proposal.meetingTime.end) - minutesOfDay(proposal.meetingTime.start),
      ).toBeGreaterThanOrEqual(120);
      expect(proposal.reason).toMatch(/share turer/); // the vocabulary label of walks
    }
    // The misfits wait: no Saturday contact, nobody else likes chess, and 40 km is too far.
    const placed = [...seen];
    const misfits = [...availabilityOf.keys()].slice(12);
    expect(placed.filter((id) => misfits.includes(id))).toEqual([]);
    // …and the run says why: 40 km from any contact; the other two have contacts and people nearby, but no group
    // fits a Saturday or chess. The one 40 km away has waited longest of them (62 days).
    expect(run.summary.groupUnplacedByReason?.no_contact_in_radius).toBeGreaterThanOrEqual(1);
    expect(run.summary.groupUnplacedByReason?.no_group_fits).toBeGreaterThanOrEqual(2);
    expect(run.summary.longestWaitGroupUnplacedDays).toBeGreaterThanOrEqual(62);
  });

  it('fills the open seats of the existing group first, with the longest-waiting walkers', async () => {
    const seats = proposals.filter((p) => p.groupId === existingGroupId);
    expect(seats).toHaveLength(1);
    expect(seats[0].members).toHaveLength(2);
    expect(seats[0].contacts).toEqual([]);
    expect(seats[0].meetingTime).toEqual({ day: 'tue', start: '18:00', end: '20:00' });
    const [summary] = await sql<{ summary: MatchingSummary }>(
      `SELECT summary FROM matching_runs WHERE id = $1`,
      [runId],
    );
    expect(summary.summary.groupSeatsFilled).toBe(2);
  });

  it('refuses an edit that would break the group size, with 409, and writes nothing', async () => {
    const proposal = proposals.find((p) => p.groupId === null)!;
    const groupsBefore = await sql(`SELECT id FROM activity_groups WHERE municipality_id = $1`, [
      municipalityId,
    ]);
    const response = await coordinator
      .post(`/group-proposals/${proposal.id}/accept`)
      .send({ dropMembers: proposal.members.slice(0, proposal.members.length - 2).map((m) => m.id) })
      .expect(409);
    expect(response.body.code).toBe('group_size');
    await coordinator
      .post(`/group-proposals/${proposal.id}/accept`)
      .send({ contactIds: [ineligibleContactId] })
      .expect(409);
    const groupsAfter = await sql(`SELECT id FROM activity_groups WHERE municipality_id = $1`, [
      municipalityId,
    ]);
    expect(groupsAfter).toHaveLength(groupsBefore.length);
    expect((await coordinator.get(`/group-proposals/${proposal.id}`).expect(200)).body.status).toBe('open');
  });

  it('accepting makes a real group: its members, and its contacts through group assignments', async () => {
    const proposal = proposals.find((p) => p.groupId === null)!;
    await caseworker.post(`/group-proposals/${proposal.id}/accept`).send({}).expect(403);
    const accepted = await coordinator
      .post(`/group-proposals/${proposal.id}/accept`)
      .send({ name: 'Turgruppa tirsdag' })
      .expect(200);
    expect(accepted.body.proposal).toMatchObject({
      status: 'accepted',
      acceptedGroupId: accepted.body.group.id,
    });
    const group = (await coordinator.get(`/groups/${accepted.body.group.id}`).expect(200)).body;
    expect(group).toMatchObject({
      name: 'Turgruppa tirsdag',
      status: 'forming',
      interests: ['walks'],
      memberCount: proposal.members.length,
      meetingTimes: [proposal.meetingTime],
    });
    expect(group.members.map((m: Person) => m.id).sort()).toEqual(proposal.members.map((m) => m.id).sort());
    expect(group.contacts.map((c: Person) => c.id)).toEqual(proposal.contacts.map((c) => c.id));
    const assignments = await sql<{ contact_id: string; weekly_hours: string }>(
      `SELECT contact_id, weekly_hours FROM assignments WHERE group_id = $1 AND end_reason IS NULL`,
      [group.id],
    );
    expect(assignments).toHaveLength(proposal.contacts.length);
    await coordinator.post(`/groups/${group.id}/activate`).expect(200);

    const again = await coordinator.post(`/group-proposals/${proposal.id}/accept`).send({}).expect(409);
    expect(again.body.code).toBe('group_proposal_not_open');
  });

  it('accepting a seat proposal fills the existing group, never past 6 members', async () => {
    const seats = proposals.find((p) => p.groupId === existingGroupId)!;
    const accepted = await coordinator.post(`/group-proposals/${seats.id}/accept`).send({}).expect(200);
    expect(accepted.body.group).toMatchObject({ id: existingGroupId, memberCount: 6, openSeats: 0 });
    const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM group_members WHERE group_id = $1`, [
      existingGroupId,
    ]);
    expect(Number(n)).toBe(6);
  });

  it('declines with a reason; a declined proposal cannot be accepted', async () => {
    const open = proposals.filter((p) => p.groupId === null).slice(1);
    expect(open.length).toBeGreaterThan(0);
    await coordinator.post(`/group-proposals/${open[0].id}/decline`).send({}).expect(400);
    const declined = await coordinator
      .post(`/group-proposals/${open[0].id}/decline`)
      .send({ reason: 'Two of them already know each other from school' })
      .expect(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: 'Two of them already know each other from school',
    });
    await coordinator.post(`/group-proposals/${open[0].id}/accept`).send({}).expect(409);
  });

  it('the foundation rules hold: no group over 6 members or 2 contacts, no contact over capacity', async () => {
    const big = await sql(
      `SELECT group_id FROM group_members m JOIN activity_groups g ON g.id = m.group_id
        WHERE g.municipality_id = $1 GROUP BY group_id HAVING count(*) > 6`,
      [municipalityId],
    );
    expect(big).toEqual([]);
    const overbooked = await sql(
      `SELECT c.id FROM contacts c
         JOIN (SELECT contact_id, count(*) AS n, sum(weekly_hours) AS hours FROM assignments
                WHERE end_reason IS NULL GROUP BY contact_id) a ON a.contact_id = c.id
        WHERE c.municipality_id = $1 AND (a.n > c.max_users OR a.hours > c.max_weekly_hours)`,
      [municipalityId],
    );
    expect(overbooked).toEqual([]);
  });

  it('a new run supersedes the open group proposals and never proposes members of a group again', async () => {
    const second = await runMatching();
    const [{ n }] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM group_proposals WHERE municipality_id = $1 AND run_id <> $2 AND status = 'open'`,
      [municipalityId, second.runId],
    );
    expect(Number(n)).toBe(0);
    const statuses = await sql<{ status: string }>(
      `SELECT status FROM group_proposals WHERE run_id = $1 ORDER BY status`,
      [runId],
    );
    expect(statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(['accepted', 'accepted', 'declined']),
    );
    const members = await sql<{ service_user_id: string }>(
      `SELECT m.service_user_id FROM group_members m JOIN activity_groups g ON g.id = m.group_id
        WHERE g.municipality_id = $1`,
      [municipalityId],
    );
    const again = (await proposalsOf(second.runId)).flatMap((p) => p.members.map((m) => m.id));
    expect(again.filter((id) => members.some((m) => m.service_user_id === id))).toEqual([]);
  });

  it('answers 404 for another municipality’s proposal and 403 to a contact', async () => {
    const other = as(app, await tokenFor(app, 'coordinator', '00000000-0000-4000-8000-000000000000'));
    await other.get(`/group-proposals/${proposals[0].id}`).expect(404);
    await other.post(`/group-proposals/${proposals[0].id}/decline`).send({ reason: 'x' }).expect(404);
    const contactToken = await tokenFor(app, 'contact', municipalityId, ineligibleContactId);
    await as(app, contactToken).get('/group-proposals').expect(403);
  });
});
