import { INestApplication } from '@nestjs/common';
import { hoursFixtures, YEAR } from './support/hours-fixtures';
import { signTimesheet } from './support/signing';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

/** Parses our CSV (quoted cells may hold commas) into objects keyed by the header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows = text
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) =>
        m[1].replace(/^"|"$/g, '').replace(/""/g, '"'),
      ),
    );
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

describe('compensation: rates, money and exports', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  const PERIOD = `${YEAR}-09-21`;

  beforeAll(async () => {
    app = await createTestApp();
    municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    admin = as(app, await tokenFor(app, 'admin', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
    await admin
      .post('/compensation/rates')
      .send({ validFrom: `${YEAR}-01-01`, hourlyRateOre: 25_000, kmRateOre: 350 })
      .expect(201);
    await admin
      .post('/compensation/rates')
      .send({ validFrom: `${YEAR}-10-01`, hourlyRateOre: 26_000, kmRateOre: 400 })
      .expect(201);
  });
  afterAll(() => app.close());

  /** The README's hand calculation: four sessions from 21 September to 20 October of YEAR, a rate change on 1 October. */
  const readmeMonth = async () => {
    const { contact, user, assignmentId } = await fx.individual({}, `${YEAR}-09-01`);
    const sessions = [
      { date: `${YEAR}-09-24`, start: '17:00', end: '19:30', km: 12.5, activity: 'Kino' },
      { date: `${YEAR}-09-29`, start: '16:00', end: '19:00', km: 0, activity: 'Tur' },
      { date: `${YEAR}-10-06`, start: '17:00', end: '19:00', km: 20, activity: 'Bowling' },
      { date: `${YEAR}-10-13`, start: '12:00', end: '15:30', km: 30, activity: 'Svømmehall' },
    ];
    let timesheetId = '';
    for (const session of sessions) {
      timesheetId = (
        await contact.client
          .post('/sessions')
          .send({ assignmentId, ...session })
          .expect(201)
      ).body.timesheetId;
    }
    await signTimesheet(app, contact.client, timesheetId);
    return { contact, user, assignmentId, timesheetId };
  };

  it('prices the README month exactly: hours × rate, km × rate, the user invoiced half the km', async () => {
    const { contact, user, timesheetId } = await readmeMonth();
    const money = await contact.client.get(`/compensation/timesheets/${timesheetId}`).expect(200);
    expect(money.body).toEqual({
      timesheetId,
      status: 'signed',
      contactLines: [
        {
          rateValidFrom: `${YEAR}-01-01`,
          hourlyRateOre: 25_000,
          kmRateOre: 350,
          minutes: 330,
          hours: 5.5,
          km: 12.5,
          hoursOre: 137_500,
          kmOre: 4_375,
          expensesOre: 0,
          totalOre: 141_875,
        },
        {
          rateValidFrom: `${YEAR}-10-01`,
          hourlyRateOre: 26_000,
          kmRateOre: 400,
          minutes: 330,
          hours: 5.5,
          km: 50,
          hoursOre: 143_000,
          kmOre: 20_000,
          expensesOre: 0,
          totalOre: 163_000,
        },
      ],
      passengerLines: [
        {
          serviceUserId: user.id,
          rateValidFrom: `${YEAR}-01-01`,
          kmRateOre: 350,
          km: 12.5,
          amountOre: 2_188,
        },
        { serviceUserId: user.id, rateValidFrom: `${YEAR}-10-01`, kmRateOre: 400, km: 50, amountOre: 10_000 },
      ],
      contactTotalOre: 304_875,
      passengerTotalOre: 12_188,
      municipalityKmOre: 12_187,
    });
  });

  it('exports payroll and invoices for approved timesheets only, as JSON and CSV whose totals add up', async () => {
    const individual = await readmeMonth();
    const group = await fx.group(3, `${YEAR}-09-01`);
    const groupSession = await group.contact.client
      .post('/sessions')
      .send({
        assignmentId: group.assignmentId,
        date: `${YEAR}-10-08`,
        start: '18:00',
        end: '20:00',
        activity: 'Klatring',
        km: 10,
        expensesOre: 12_900,
        presentServiceUserIds: group.members.map((m) => m.id),
      })
      .expect(201);
    await signTimesheet(app, group.contact.client, groupSession.body.timesheetId, {
      serviceUserId: group.members[0].id,
    });
    const notApproved = await fx.individual({}, `${YEAR}-09-01`);
    await notApproved.contact.client
      .post('/sessions')
      .send({
        assignmentId: notApproved.assignmentId,
        date: `${YEAR}-10-01`,
        start: '10:00',
        end: '11:00',
        activity: 'Kafé',
      })
      .expect(201);

    const before = (await coordinator.get(`/compensation/payroll?periodStart=${PERIOD}`).expect(200)).body;
    await coordinator.post(`/timesheets/${individual.timesheetId}/approve`).expect(200);
    await coordinator.post(`/timesheets/${groupSession.body.timesheetId}/approve`).expect(200);
    const payroll = await coordinator.get(`/compensation/payroll?periodStart=${PERIOD}`).expect(200);
    expect(payroll.headers['cache-control']).toBe('no-store');
    const mine = payroll.body.lines.filter((l: { timesheetId: string }) =>
      [individual.timesheetId, groupSession.body.timesheetId].includes(l.timesheetId),
    );
    expect(mine).toHaveLength(3);
    expect(payroll.body.timesheets).toBe(before.timesheets + 2);
    // Group: 2 h at 260 kr + 10 km at 4 kr + 129 kr expenses.
    expect(
      mine.find((l: { timesheetId: string }) => l.timesheetId === groupSession.body.timesheetId),
    ).toMatchObject({
      minutes: 120,
      hoursOre: 52_000,
      kmOre: 4_000,
      expensesOre: 12_900,
      totalOre: 68_900,
    });
    expect(payroll.body.totalOre - before.totalOre).toBe(304_875 + 68_900);
    const sum = (lines: Record<string, number>[], key: string) => lines.reduce((s, l) => s + l[key], 0);
    for (const key of ['minutes', 'hoursOre', 'kmOre', 'expensesOre', 'totalOre']) {
      expect(sum(payroll.body.lines, key)).toBe(payroll.body[key]);
    }
    expect(
      payroll.body.lines.some((l: { contactId: string }) => l.contactId === notApproved.contact.id),
    ).toBe(false);

    const invoices = await coordinator.get(`/compensation/invoices?periodStart=${PERIOD}`).expect(200);
    const groupLines = invoices.body.lines.filter(
      (l: { timesheetId: string }) => l.timesheetId === groupSession.body.timesheetId,
    );
    expect(groupLines.map((l: { km: number; amountOre: number }) => [l.km, l.amountOre]).sort()).toEqual([
      [3.3, 660],
      [3.3, 660],
      [3.4, 680],
    ]);
    expect(sum(invoices.body.lines, 'amountOre')).toBe(invoices.body.totalOre);

    const payrollCsv = await coordinator
      .get(`/compensation/payroll?periodStart=${PERIOD}&format=csv`)
      .expect(200);
    expect(payrollCsv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(payrollCsv.text);
    const total = rows.pop()!;
    expect(total.contact_id).toBe('TOTAL');
    expect(rows).toHaveLength(payroll.body.lines.length);
    for (const key of ['minutes', 'hours_ore', 'km_ore', 'expenses_ore', 'total_ore']) {
      expect(rows.reduce((s, r) => s + Number(r[key]), 0)).toBe(Number(total[key]));
    }
    expect(Number(total.total_ore)).toBe(payroll.body.totalOre);
    for (const row of rows) {
      expect(Number(row.hours_ore) + Number(row.km_ore) + Number(row.expenses_ore)).toBe(
        Number(row.total_ore),
      );
    }

    const invoiceCsv = await coordinator
      .get(`/compensation/invoices?periodStart=${PERIOD}&format=csv`)
      .expect(200);
    const invoiceRows = parseCsv(invoiceCsv.text);
    const invoiceTotal = invoiceRows.pop()!;
    expect(invoiceRows.reduce((s, r) => s + Number(r.amount_ore), 0)).toBe(Number(invoiceTotal.amount_ore));
    expect(Number(invoiceTotal.amount_ore)).toBe(invoices.body.totalOre);
    expect(invoiceCsv.text).not.toMatch(/\b\d{11}\b/);
  });

  it('keeps exports and rates to staff, a timesheet’s money to its own contact', async () => {
    const { contact, timesheetId } = await readmeMonth();
    const other = await fx.newContact();
    await contact.client.get(`/compensation/payroll?periodStart=${PERIOD}`).expect(403);
    await contact.client.get(`/compensation/invoices?periodStart=${PERIOD}`).expect(403);
    await other.client.get(`/compensation/timesheets/${timesheetId}`).expect(404);
    await coordinator
      .post('/compensation/rates')
      .send({ validFrom: `${YEAR + 1}-01-01`, hourlyRateOre: 1, kmRateOre: 1 })
      .expect(403);
    await coordinator.get('/compensation/payroll').expect(400);
    await coordinator.get(`/compensation/payroll?periodStart=${PERIOD}&format=xml`).expect(400);
    const duplicate = await admin
      .post('/compensation/rates')
      .send({ validFrom: `${YEAR}-10-01`, hourlyRateOre: 1, kmRateOre: 1 })
      .expect(409);
    expect(duplicate.body.message).toBe('The municipality has a rate from that date already');
    await admin
      .post('/compensation/rates')
      .send({ validFrom: `${YEAR}-10-02`, hourlyRateOre: 1.5, kmRateOre: 1 })
      .expect(400);
    const rates = await coordinator.get('/compensation/rates').expect(200);
    expect(rates.body.map((r: { validFrom: string }) => r.validFrom)).toEqual([
      `${YEAR}-01-01`,
      `${YEAR}-10-01`,
    ]);
  });

  it('answers 409 rate_missing when no rate covers a session', async () => {
    const bare = (await createMunicipality(app)).id;
    const bareCoordinator = as(app, await tokenFor(app, 'coordinator', bare));
    const bareFx = hoursFixtures(app, bare, bareCoordinator);
    const { contact, assignmentId } = await bareFx.individual();
    const logged = await contact.client.post('/sessions').send(bareFx.session(assignmentId)).expect(201);
    const response = await bareCoordinator
      .get(`/compensation/timesheets/${logged.body.timesheetId}`)
      .expect(409);
    expect(response.body).toMatchObject({ code: 'rate_missing', context: { date: `${YEAR}-03-10` } });
  });
});
