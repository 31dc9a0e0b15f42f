import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { seedUserWithDecision } from './support/seed-rows';
import { spawnEntry } from './support/spawned-entry';
import { TEST_APP_DATABASE_URL, TEST_DATABASE_URL } from './support/test-env';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

/** As the owner (or a superuser) could: lift the append-only guard, change rows, put it back. */
async function asOwnerBypassingTheGuard(work: (db: Client) => Promise<void>): Promise<void> {
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
  try {
    await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_or_delete`);
    await work(db);
  } finally {
    await db.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_no_update_or_delete`);
    await db.end();
  }
}

async function verifyByScript(municipalityId: string): Promise<{ code: number | null; output: string }> {
  const run = spawnEntry(
    'scripts/access-log-verify.ts',
    { DATABASE_URL: TEST_APP_DATABASE_URL, DATABASE_OWNER_URL: TEST_DATABASE_URL },
    ['--municipality', municipalityId],
  );
  const code = await run.exited;
  return { code, output: run.output() };
}

/** Section 4 of "secure by default": the log is tamper-evident, not only append-only. */
describe('access log hash chain', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  /** A municipality with a few logged reads; returns its id, its admin and the users read. */
  async function municipalityWithReads(reads: number) {
    const municipalityId = (await createMunicipality(app)).id;
    const caseworker = as(app, await tokenFor(app, 'caseworker', municipalityId));
    const admin = as(app, await tokenFor(app, 'admin', municipalityId));
    const users = [];
    for (let i = 0; i < reads; i++) {
      const user = await seedUserWithDecision(app, municipalityId);
      await caseworker.get(`/service-users/${user.id}`).expect(200);
      users.push(user);
    }
    return { municipalityId, admin, users };
  }

  const rowsOf = (municipalityId: string) =>
    dataSourceOf(app).query(
      `SELECT id, chain_seq::int AS seq FROM access_log WHERE municipality_id = $1 ORDER BY chain_seq`,
      [municipalityId],
    ) as Promise<{ id: string; seq: number }[]>;

  it('numbers and hashes every row in the database, whatever the inserting role sends', async () => {
    const { municipalityId, admin } = await municipalityWithReads(3);
    // The application role tries to place a forged row at a chosen position with a chosen hash.
    await dataSourceOf(app).query(
      `INSERT INTO access_log (municipality_id, actor, role, subject_type, action, route, request_id, outcome,
                               chain_seq, previous_hash, row_hash)
       VALUES ($1, 'x', 'admin', 'route', 'probe', 'GET /x', 'r', 'allowed', 1, '\\x00', '\\x00')`,
      [municipalityId],
    );
    expect((await rowsOf(municipalityId)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const verification = await admin.get('/access-log/verification').expect(200);
    expect(verification.body).toEqual({ municipalityId, rowsChecked: 4, firstBrokenLink: null });
  });

  it('cannot have its chain heads moved by the application role', async () => {
    await expect(dataSourceOf(app).query(`UPDATE access_log_chain_heads SET last_seq = 0`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(dataSourceOf(app).query(`DELETE FROM access_log_chain_heads`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('names the first altered row, through the admin endpoint and npm run access-log:verify', async () => {
    const { municipalityId, admin } = await municipalityWithReads(4);
    const rows = await rowsOf(municipalityId);
    await asOwnerBypassingTheGuard((db) =>
      db
        .query(`UPDATE access_log SET actor = 'someone-else' WHERE id = $1`, [rows[2].id])
        .then(() => undefined),
    );
    const verification = await admin.get('/access-log/verification').expect(200);
    expect(verification.body).toEqual({
      municipalityId,
      rowsChecked: 2,
      firstBrokenLink: {
        municipalityId,
        chainSeq: '3',
        rowId: String(rows[2].id),
        reason: 'row_hash_mismatch',
      },
    });
    const script = await verifyByScript(municipalityId);
    expect(script.code).toBe(1);
    expect(script.output).toContain(
      `BROKEN ${municipalityId}: 2 rows hold, then row_hash_mismatch at position 3 (access_log.id ${rows[2].id})`,
    );
  });

  it("holds the contact id in the chain: a row's contact changed afterwards is found", async () => {
    const { municipalityId, admin } = await municipalityWithReads(1);
    const contactId = '00000000-0000-4000-8000-00000000c0c0';
    await dataSourceOf(app).query(
      `INSERT INTO access_log (municipality_id, actor, role, subject_type, action, route, request_id, outcome,
                               actor_contact_id)
       VALUES ($1, 'contact-x', 'contact', 'route', 'read', 'GET /contacts/me/users', 'r', 'allowed', $2)`,
      [municipalityId, contactId],
    );
    expect((await admin.get('/access-log/verification').expect(200)).body.firstBrokenLink).toBeNull();
    const rows = await rowsOf(municipalityId);
    await asOwnerBypassingTheGuard((db) =>
      db
        .query(`UPDATE access_log SET actor_contact_id = gen_random_uuid() WHERE id = $1`, [rows[1].id])
        .then(() => undefined),
    );
    expect((await admin.get('/access-log/verification').expect(200)).body.firstBrokenLink).toEqual({
      municipalityId,
      chainSeq: '2',
      rowId: String(rows[1].id),
      reason: 'row_hash_mismatch',
    });
  });

  it('finds a removed row, and rows cut off at the end', async () => {
    const middle = await municipalityWithReads(3);
    const middleRows = await rowsOf(middle.municipalityId);
    const tail = await municipalityWithReads(3);
    const tailRows = await rowsOf(tail.municipalityId);
    await asOwnerBypassingTheGuard(async (db) => {
      await db.query(`DELETE FROM access_log WHERE id = $1`, [middleRows[1].id]);
      await db.query(`DELETE FROM access_log WHERE id = $1`, [tailRows[2].id]);
    });
    expect((await middle.admin.get('/access-log/verification').expect(200)).body.firstBrokenLink).toEqual({
      municipalityId: middle.municipalityId,
      chainSeq: '2',
      rowId: String(middleRows[2].id),
      reason: 'sequence_gap',
    });
    expect((await tail.admin.get('/access-log/verification').expect(200)).body.firstBrokenLink).toEqual({
      municipalityId: tail.municipalityId,
      chainSeq: '3',
      rowId: null,
      reason: 'head_mismatch',
    });
  });

  it('is for admins only', async () => {
    const municipalityId = (await createMunicipality(app)).id;
    const coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    await coordinator.get('/access-log/verification').expect(403);
  });
});
