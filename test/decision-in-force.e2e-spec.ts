import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { MatchingInstanceLoader } from '../src/matching/matching-instance.loader';
import { WorkerModule } from '../src/worker.module';
import { contactBody, daysAgo, daysAhead } from './factories';
import { seedServiceUser } from './support/seed-rows';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';
import { Clock } from '../src/common/clock';

/**
 * One rule for "the vedtak in force" (src/decisions/decision-in-force.ts): with a renewal that overlaps the old
 * vedtak from the same day, the user's record, the matching run's loader and the introduction all name the same
 * one, the later decided. Before, the run took whichever row came first, so a proposal could carry another vedtak
 * than the introduction made from it.
 */
describe('the vedtak in force, one rule for every caller', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    db = dataSourceOf(app);
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  const decision = async (serviceUserId: string, decidedOn: string, hours: number, createdAt: string) =>
    (
      await db.query(
        `INSERT INTO decisions (municipality_id, service_user_id, service_form, hours_granted, hours_period,
                                decided_on, valid_from, valid_to, waiting_since, created_by, created_at)
         VALUES ($1, $2, 'individual', $3, 'week', $4, $5, $6, $5, 'test', $7) RETURNING id`,
        [municipalityId, serviceUserId, hours, decidedOn, daysAgo(30), daysAhead(300), createdAt],
      )
    )[0].id as string;

  it('is the later decided of two taking effect the same day, for the record, the run and the introduction', async () => {
    const user = await seedServiceUser(app, municipalityId);
    await db.query(`UPDATE service_users SET latitude = 59.91, longitude = 10.75 WHERE id = $1`, [user.id]);
    // The renewal is decided later but carries the earlier created_at: only the decision date may decide.
    await decision(user.id, daysAgo(40), 4, '2026-02-01T00:00:00Z');
    const renewal = await decision(user.id, daysAgo(31), 6, '2026-01-01T00:00:00Z');

    const record = await coordinator.get(`/service-users/${user.id}`).expect(200);
    expect(record.body.currentDecision.id).toBe(renewal);

    const loader = worker.get(MatchingInstanceLoader);
    const loaded = await loader.load(municipalityId, worker.get(Clock).today(), user.id);
    expect(loaded.decisionIds).toEqual([renewal]);

    const contact = await coordinator
      .post('/contacts')
      .send(contactBody({ maxUsers: 2 }))
      .expect(201);
    const introduction = await coordinator
      .post('/introductions')
      .send({ serviceUserId: user.id, contactId: contact.body.id })
      .expect(201);
    expect(introduction.body.decisionId).toBe(renewal);
  });
});
