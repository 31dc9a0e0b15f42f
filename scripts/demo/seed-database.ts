import { DataSource } from 'typeorm';
import { DEFAULT_INTERESTS } from '../../src/municipalities/default-interests';
import { buildDemoMunicipality } from './demo-municipality';
import { DEMO_MUNICIPALITY_ID, DEMO_MUNICIPALITY_NAME } from './demo-ids';
import { seedSignedTimesheets } from './demo-timesheets';

export interface SeedResult {
  seeded: boolean;
  contacts: number;
  users: number;
  groups: number;
  assignments: number;
  signedTimesheets: number;
}

/** Inserts multi-row VALUES in chunks: one statement per chunk instead of one per row. */
async function insertRows(
  db: DataSource['manager'],
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const chunkSize = Math.floor(60000 / columns.length);
  for (let offset = 0; offset < rows.length; offset += chunkSize) {
    const chunk = rows.slice(offset, offset + chunkSize);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

/**
 * Fills an empty database with the demo municipality, in one transaction. Does nothing when the demo
 * municipality is already there, so `npm start` can call it on every start.
 */
export async function seedDemoMunicipality(dataSource: DataSource, today: string): Promise<SeedResult> {
  const existing: unknown[] = await dataSource.query(`SELECT 1 FROM municipalities WHERE id = $1`, [
    DEMO_MUNICIPALITY_ID,
  ]);
  if (existing.length > 0)
    return { seeded: false, contacts: 0, users: 0, groups: 0, assignments: 0, signedTimesheets: 0 };
  const demo = buildDemoMunicipality(today);
  const m = DEMO_MUNICIPALITY_ID;
  let signedTimesheets = 0;
  await dataSource.transaction(async (em) => {
    await em.query(`INSERT INTO municipalities (id, name, code) VALUES ($1, $2, $3)`, [
      m,
      DEMO_MUNICIPALITY_NAME,
      '3301',
    ]);
    // Illustrative rates from the start of the year, so payroll and invoices work on the demo data at once.
    await em.query(
      `INSERT INTO compensation_rates (municipality_id, valid_from, hourly_rate_ore, km_rate_ore, created_by)
       VALUES ($1, $2, 25000, 350, 'demo-seed')`,
      [m, `${today.slice(0, 4)}-01-01`],
    );
    // Expense categories with illustrative rules: the contact's own costs "i henhold til fastsatte satser"
    // (seed 001); what the user pays themselves (seed 004) is a category that covers nothing.
    await insertRows(
      em,
      'expense_categories',
      ['municipality_id', 'name', 'rule', 'unit', 'rate_ore', 'monthly_cap_ore', 'created_by'],
      [
        [m, 'Inngangsbillett for støttekontakten', 'per_unit', 'billett', 15000, null, 'demo-seed'],
        [m, 'Buss eller tog for støttekontakten', 'per_unit', 'reise', 5000, null, 'demo-seed'],
        [m, 'Servering for støttekontakten', 'monthly_cap', null, null, 30000, 'demo-seed'],
        [m, 'Brukerens billetter, mat, bom og parkering', 'not_covered', null, null, null, 'demo-seed'],
      ],
    );
    await insertRows(
      em,
      'interests',
      ['municipality_id', 'code', 'label'],
      DEFAULT_INTERESTS.map((i) => [m, i.code, i.label]),
    );
    await insertRows(
      em,
      'contacts',
      [
        'id',
        'municipality_id',
        'first_name',
        'last_name',
        'email',
        'phone',
        'birth_year',
        'gender',
        'languages',
        'postal_code',
        'latitude',
        'longitude',
        'interests',
        'availability',
        'max_users',
        'max_weekly_hours',
        'drives_own_car',
        'police_certificate_issued_on',
        'police_certificate_presented_on',
        'confidentiality_signed_on',
      ],
      demo.contacts.map((c) => [
        c.id,
        m,
        c.firstName,
        c.lastName,
        c.email,
        c.phone,
        c.birthYear,
        c.gender,
        c.languages,
        c.postalCode,
        c.latitude,
        c.longitude,
        c.interests,
        JSON.stringify(c.availability),
        c.maxUsers,
        c.maxWeeklyHours,
        c.drivesOwnCar,
        c.policeCertificateIssuedOn,
        c.policeCertificatePresentedOn,
        c.confidentialitySignedOn,
      ]),
    );
    await insertRows(
      em,
      'service_users',
      [
        'id',
        'municipality_id',
        'national_id',
        'first_name',
        'last_name',
        'birth_date',
        'gender',
        'phone',
        'languages',
        'postal_code',
        'latitude',
        'longitude',
        'interests',
        'availability',
        'preferred_contact_gender',
      ],
      demo.users.map((u) => [
        u.id,
        m,
        u.nationalId,
        u.firstName,
        u.lastName,
        u.birthDate,
        u.gender,
        u.phone,
        u.languages,
        u.postalCode,
        u.latitude,
        u.longitude,
        u.interests,
        JSON.stringify(u.availability),
        u.preferredContactGender,
      ]),
    );
    await insertRows(
      em,
      'decisions',
      [
        'id',
        'municipality_id',
        'service_user_id',
        'service_form',
        'hours_granted',
        'hours_period',
        'driving_km_granted',
        'decided_on',
        'valid_from',
        'valid_to',
        'granted_by_child_welfare',
        'waiting_since',
        'decision_text',
        'created_by',
      ],
      demo.users.map(({ id, decision: d }) => [
        d.id,
        m,
        id,
        d.serviceForm,
        d.hoursGranted,
        d.hoursPeriod,
        d.drivingKmGranted,
        d.decidedOn,
        d.validFrom,
        d.validTo,
        d.grantedByChildWelfare,
        d.waitingSince,
        'Syntetisk vedtak (demodata).',
        'demo-seed',
      ]),
    );
    await insertRows(
      em,
      'activity_groups',
      [
        'id',
        'municipality_id',
        'name',
        'interests',
        'postal_code',
        'latitude',
        'longitude',
        'meeting_times',
        'status',
      ],
      demo.groups.map((g) => [
        g.id,
        m,
        g.name,
        g.interests,
        g.postalCode,
        g.latitude,
        g.longitude,
        JSON.stringify(g.meetingTimes),
        g.memberIds.length >= 3 ? 'active' : 'forming',
      ]),
    );
    await insertRows(
      em,
      'group_members',
      ['group_id', 'service_user_id', 'seat'],
      demo.groups.flatMap((g) => g.memberIds.map((userId, index) => [g.id, userId, index + 1])),
    );
    await insertRows(
      em,
      'assignments',
      [
        'id',
        'municipality_id',
        'contact_id',
        'service_user_id',
        'group_id',
        'decision_id',
        'weekly_hours',
        'starts_on',
        'group_contact_seat',
        'created_by',
      ],
      demo.assignments.map((a) => [
        a.id,
        m,
        a.contactId,
        a.serviceUserId,
        a.groupId,
        a.decisionId,
        a.weeklyHours,
        a.startsOn,
        a.groupContactSeat,
        'demo-seed',
      ]),
    );
    signedTimesheets = await seedSignedTimesheets(em, demo, today);
  });
  return {
    seeded: true,
    contacts: demo.contacts.length,
    users: demo.users.length,
    groups: demo.groups.length,
    assignments: demo.assignments.length,
    signedTimesheets,
  };
}
