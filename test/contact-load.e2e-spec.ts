import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock } from '../src/common/clock';
import { today as todayInOslo } from './factories';
import { GroupInstanceLoader } from '../src/matching/group-instance.loader';
import { MatchingInstanceLoader } from '../src/matching/matching-instance.loader';
import { WorkerModule } from '../src/worker.module';
import { newContact, newWaitingUser } from './support/introduction-fixtures';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

/**
 * One count of a contact's load (contact.queries.ts capacityTakenSql): open assignments and introductions on
 * their way, the same for the contact's record, the checks before an introduction or an assignment, the matching
 * run and group formation. Group formation counted assignments alone, so a contact whose only place an
 * introduction held could still be offered a group.
 */
describe("a contact's load, counted one way by every caller", () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  it('holds the place an introduction on its way takes, everywhere, until it becomes the assignment', async () => {
    const contact = await newContact(coordinator, { maxUsers: 1, maxWeeklyHours: 10 });
    const user = await newWaitingUser(app, municipalityId);
    await coordinator
      .post('/introductions')
      .send({ serviceUserId: user.id, contactId: contact.id })
      .expect(201);

    const record = await coordinator.get(`/contacts/${contact.id}`).expect(200);
    expect(record.body.load).toEqual({ users: 1, weeklyHours: 4 });

    const other = await newWaitingUser(app, municipalityId);
    const refused = await coordinator
      .post('/introductions')
      .send({ serviceUserId: other.id, contactId: contact.id })
      .expect(409);
    expect(refused.body.code).toBe('capacity_users_full');
    const direct = await coordinator
      .post('/assignments')
      .send({
        contactId: contact.id,
        serviceUserId: other.id,
        startsOn: todayInOslo(),
        startWithoutIntroductionReason: 'fortsetter fra før',
      })
      .expect(409);
    expect(direct.body.code).toBe('capacity_users_full');

    const today = worker.get(Clock).today();
    const individual = await worker.get(MatchingInstanceLoader).load(municipalityId, today);
    const atIndex = individual.instance.contacts.ids.indexOf(contact.id);
    expect(individual.instance.contacts.freeUserSlots[atIndex]).toBe(0);
    const groups = await worker.get(GroupInstanceLoader).load(municipalityId, today, new Map());
    const inGroups = groups.instance.contacts.ids.indexOf(contact.id);
    expect(groups.instance.contacts.freeUserSlots[inGroups]).toBe(0);
  });
});
