import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { SigningTokens } from '../../src/signing/signing-tokens';
import { as, dataSourceOf } from './test-app';

type Client = ReturnType<typeof as>;

/**
 * The signature for suites that only need a signed timesheet: the contact sends it to signing, the link's token
 * is issued as the worker does when it sends the e-mail (the signing suite reads it from the e-mail instead),
 * and the signer confirms on the public endpoint. Gives the user an address when they have none.
 */
export async function signTimesheet(
  app: INestApplication,
  contact: Client,
  timesheetId: string,
  body: { serviceUserId?: string } = {},
): Promise<void> {
  const dataSource = dataSourceOf(app);
  await dataSource.query(
    `UPDATE service_users SET email = COALESCE(email, 'bruker-' || left(id::text, 8) || '@example.test')
      WHERE id IN (SELECT service_user_id FROM assignments a JOIN timesheets t ON t.assignment_id = a.id
                    WHERE t.id = $1 AND a.service_user_id IS NOT NULL UNION SELECT $2::uuid WHERE $2 IS NOT NULL)`,
    [timesheetId, body.serviceUserId ?? null],
  );
  const sent = await contact.post(`/timesheets/${timesheetId}/signing-request`).send(body).expect(201);
  const token = await dataSource.transaction((em) =>
    app.get(SigningTokens).issue(em, sent.body.id as string),
  );
  await request(app.getHttpServer()).post(`/signing/${token}`).send({ decision: 'confirm' }).expect(200);
}
