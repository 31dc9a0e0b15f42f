import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { hoursFixtures, YEAR } from './support/hours-fixtures';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

/** A phone's offline queue sends a session again when the network is back: it is stored once. */
describe('POST /sessions with an Idempotency-Key', () => {
  let app: INestApplication;
  let fx: ReturnType<typeof hoursFixtures>;

  beforeAll(async () => {
    app = await createTestApp();
    const municipalityId = (await createMunicipality(app)).id;
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a repeat with the session stored the first time, also when sent at once', async () => {
    const { contact, assignmentId } = await fx.individual();
    const key = randomUUID();
    const body = fx.session(assignmentId, { date: `${YEAR}-03-04`, start: '10:00', end: '11:30' });
    const first = await contact.client.post('/sessions').set('Idempotency-Key', key).send(body).expect(201);
    const again = await contact.client.post('/sessions').set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.quotas).toHaveLength(1);

    const racing = randomUUID();
    const other = fx.session(assignmentId, { date: `${YEAR}-03-05`, start: '10:00', end: '11:00' });
    const answers = await Promise.all(
      [1, 2, 3].map(() => contact.client.post('/sessions').set('Idempotency-Key', racing).send(other)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);

    const stored = await fx.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE assignment_id = $1`,
      [assignmentId],
    );
    expect(stored).toEqual([{ n: 2 }]);
  });

  it('keeps keys apart per contact, and refuses a key that is not a UUID', async () => {
    const a = await fx.individual();
    const b = await fx.individual();
    const key = randomUUID();
    const one = await a.contact.client
      .post('/sessions')
      .set('Idempotency-Key', key)
      .send(fx.session(a.assignmentId, { date: `${YEAR}-03-04` }))
      .expect(201);
    const two = await b.contact.client
      .post('/sessions')
      .set('Idempotency-Key', key)
      .send(fx.session(b.assignmentId, { date: `${YEAR}-03-04` }))
      .expect(201);
    expect(two.body.id).not.toBe(one.body.id);

    const refused = await a.contact.client
      .post('/sessions')
      .set('Idempotency-Key', 'not-a-uuid')
      .send(fx.session(a.assignmentId, { date: `${YEAR}-03-06` }))
      .expect(400);
    expect(refused.body.details).toEqual([{ field: 'Idempotency-Key', reason: 'must be a UUID' }]);
  });
});
