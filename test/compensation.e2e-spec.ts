import { INestApplication } from '@nestjs/common';
import { CellValue, Workbook } from 'exceljs';
import request from 'supertest';
import { hoursFixtures, YEAR } from './support/hours-fixtures';
import { signTimesheet } from './support/signing';
import { as, createMunicipality, createTestApp, dataSourceOf, tokenFor } from './support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Parses the CSV as Norwegian Excel reads it: a BOM first, `;` between cells, CRLF between lines, quoted cells
 * that may hold `;` and `""`. Objects keyed by the header.
 */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const rows = text
    .slice(1)
    .slice(0, -2)
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)]
        .filter((m, i, all) => i < all.length - 1 || m[0] !== '')
        .map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
  const [header, ...body] = rows;
  for (const cells of body) expect(cells).toHaveLength(header.length);
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

/** A kroner cell with a decimal comma ("1418,75") in øre; anything else fails. */
function ore(cell: string): number {
  expect(cell).toMatch(/^-?\d+,\d{2}$/);
  return Number(cell.replace(',', ''));
}

/** Downloads an XLSX export and reads it back with exceljs: the sheet, its header and its rows as values. */
async function readXlsx(client: ReturnType<typeof as>, path: string) {
  const response = await client
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(response.headers['content-type']).toBe(XLSX);
  const workbook = new Workbook();
  await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0];
  const values = (n: number) => (sheet.getRow(n).values as CellValue[]).slice(1);
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2));
  return { response, sheet, header: values(1) as string[], rows };
}

describe('compensation: rates, money and exports', () => {
  let app: INestApplication;
  let municipalityId: string;
  let coordinator: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  const PERIOD = `${YEAR}-09-21`;
  let ticketsId: string;

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
    ticketsId = (
      await coordinator
        .post('/compensation/expense-categories')
        .send({ name: 'Inngangsbillett', rule: 'per_unit', unit: 'billett', rateOre: 15_000 })
        .expect(201)
    ).body.id;
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
          expenses: [],
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
          expenses: [],
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
        expenses: [{ categoryId: ticketsId, amountOre: 12_900 }],
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
    // Group: 2 h at 260 kr + 10 km at 4 kr + a 129 kr ticket (covered up to 150 kr a ticket).
    expect(
      mine.find((l: { timesheetId: string }) => l.timesheetId === groupSession.body.timesheetId),
    ).toMatchObject({
      minutes: 120,
      hoursOre: 52_000,
      kmOre: 4_000,
      expensesOre: 12_900,
      expenses: [
        { categoryId: ticketsId, categoryName: 'Inngangsbillett', paidOre: 12_900, coveredOre: 12_900 },
      ],
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
    expect(payrollCsv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(payrollCsv.headers['content-disposition']).toBe(`attachment; filename="utbetaling-${PERIOD}.csv"`);
    expect(payrollCsv.headers['cache-control']).toBe('no-store');
    const rows = parseCsv(payrollCsv.text);
    const total = rows.pop()!;
    expect(total['Støttekontakt']).toBe('Sum');
    expect(total['Periode fra']).toBe(`21.09.${YEAR}`);
    expect(rows).toHaveLength(payroll.body.lines.length);
    const kroner = [
      'Godtgjørelse (kr)',
      'Kjøregodtgjørelse (kr)',
      'Utlegg dekket (kr)',
      'Til utbetaling (kr)',
    ] as const;
    for (const key of kroner) {
      expect(rows.reduce((s, r) => s + ore(r[key]), 0)).toBe(ore(total[key]));
    }
    expect(rows.reduce((s, r) => s + Number(r['Minutter']), 0)).toBe(Number(total['Minutter']));
    expect(ore(total['Til utbetaling (kr)'])).toBe(payroll.body.totalOre);
    for (const row of rows) {
      expect(
        ore(row['Godtgjørelse (kr)']) + ore(row['Kjøregodtgjørelse (kr)']) + ore(row['Utlegg dekket (kr)']),
      ).toBe(ore(row['Til utbetaling (kr)']));
    }
    expect(rows.find((r) => r['Timeliste-ID'] === groupSession.body.timesheetId)).toMatchObject({
      'Utlegg dekket (kr)': '129,00',
      'Utlegg etter kategori': 'Inngangsbillett: 129,00 av 129,00 kr',
    });
    // The README month's first rate segment, as a Norwegian reads it.
    expect(rows.find((r) => r['Timeliste-ID'] === individual.timesheetId)).toMatchObject({
      'Periode fra': `21.09.${YEAR}`,
      'Periode til': `20.10.${YEAR}`,
      'Sats gjelder fra': `01.01.${YEAR}`,
      Minutter: '330',
      Timer: '5,50',
      'Timesats (kr)': '250,00',
      'Godtgjørelse (kr)': '1375,00',
      Km: '12,5',
      'Km-sats (kr)': '3,50',
      'Kjøregodtgjørelse (kr)': '43,75',
      'Utlegg dekket (kr)': '0,00',
      'Til utbetaling (kr)': '1418,75',
    });

    const invoiceCsv = await coordinator
      .get(`/compensation/invoices?periodStart=${PERIOD}&format=csv`)
      .expect(200);
    expect(invoiceCsv.headers['content-disposition']).toBe(
      `attachment; filename="fakturagrunnlag-${PERIOD}.csv"`,
    );
    const invoiceRows = parseCsv(invoiceCsv.text);
    const invoiceTotal = invoiceRows.pop()!;
    const amount = 'Å betale, halve km (kr)';
    expect(invoiceRows.reduce((s, r) => s + ore(r[amount]), 0)).toBe(ore(invoiceTotal[amount]));
    expect(ore(invoiceTotal[amount])).toBe(invoices.body.totalOre);
    expect(
      invoiceRows
        .filter((r) => r['Timeliste-ID'] === groupSession.body.timesheetId)
        .map((r) => [r['Km som passasjer'], r[amount]])
        .sort(),
    ).toEqual([
      ['3,3', '6,60'],
      ['3,3', '6,60'],
      ['3,4', '6,80'],
    ]);
    expect(invoiceCsv.text).not.toMatch(/\b\d{11}\b/);

    // XLSX: the same rows as numbers with number formats, a bold header row, a Norwegian sheet name.
    const xlsx = await readXlsx(coordinator, `/compensation/payroll?periodStart=${PERIOD}&format=xlsx`);
    expect(xlsx.response.headers['content-disposition']).toBe(
      `attachment; filename="utbetaling-${PERIOD}.xlsx"`,
    );
    expect(xlsx.sheet.name).toBe('Utbetaling');
    expect(xlsx.header).toEqual([
      'Støttekontakt',
      'Støttekontakt-ID',
      'Timeliste-ID',
      'Periode fra',
      'Periode til',
      'Sats gjelder fra',
      'Minutter',
      'Timer',
      'Timesats (kr)',
      'Godtgjørelse (kr)',
      'Km',
      'Km-sats (kr)',
      'Kjøregodtgjørelse (kr)',
      'Utlegg dekket (kr)',
      'Utlegg etter kategori',
      'Til utbetaling (kr)',
    ]);
    expect(xlsx.sheet.getRow(1).font?.bold).toBe(true);
    expect(xlsx.rows).toHaveLength(payroll.body.lines.length + 1);
    const xlsxTotal = xlsx.rows.pop()!;
    expect(xlsxTotal[0]).toBe('Sum');
    expect(xlsxTotal[15]).toBeCloseTo(payroll.body.totalOre / 100, 6);
    const first = xlsx.rows.find((r) => r[2] === individual.timesheetId)!;
    expect(first).toEqual([
      expect.any(String),
      individual.contact.id,
      individual.timesheetId,
      new Date(`${YEAR}-09-21T00:00:00Z`),
      new Date(`${YEAR}-10-20T00:00:00Z`),
      new Date(`${YEAR}-01-01T00:00:00Z`),
      330,
      5.5,
      250,
      1375,
      12.5,
      3.5,
      43.75,
      0,
      undefined,
      1418.75,
    ]);
    const firstRow = xlsx.sheet.getRow(xlsx.rows.indexOf(first) + 2);
    expect(firstRow.getCell(4).numFmt).toBe('dd.mm.yyyy');
    expect(firstRow.getCell(8).numFmt).toBe('#,##0.00');
    expect(firstRow.getCell(16).numFmt).toBe('#,##0.00');
    expect(firstRow.getCell(11).numFmt).toBe('#,##0.0');
    const xlsxSum = xlsx.rows.reduce((s, r) => s + Math.round((r[15] as number) * 100), 0);
    expect(xlsxSum).toBe(payroll.body.totalOre);

    const invoiceXlsx = await readXlsx(
      coordinator,
      `/compensation/invoices?periodStart=${PERIOD}&format=xlsx`,
    );
    expect(invoiceXlsx.sheet.name).toBe('Fakturagrunnlag');
    expect(invoiceXlsx.header[0]).toBe('Tjenestemottaker');
    const invoiceXlsxTotal = invoiceXlsx.rows.pop()!;
    expect(invoiceXlsx.rows).toHaveLength(invoices.body.lines.length);
    expect(Math.round((invoiceXlsxTotal[8] as number) * 100)).toBe(invoices.body.totalOre);
  });

  it('neutralises cells a spreadsheet would run as formulas, in CSV and XLSX alike', async () => {
    const { contact, user, timesheetId } = await readmeMonth();
    await coordinator.post(`/timesheets/${timesheetId}/approve`).expect(200);
    // Names as an attacker might register them (the API's own validation aside): set under the service.
    const sql = dataSourceOf(app);
    await sql.query(
      `UPDATE contacts SET last_name = '=HYPERLINK("http://x.invalid")', first_name = 'A;B' WHERE id = $1`,
      [contact.id],
    );
    await sql.query(`UPDATE service_users SET first_name = '@SUM(1)', last_name = '-2' WHERE id = $1`, [
      user.id,
    ]);

    const payroll = await coordinator
      .get(`/compensation/payroll?periodStart=${PERIOD}&format=csv`)
      .expect(200);
    const row = parseCsv(payroll.text).find((r) => r['Timeliste-ID'] === timesheetId)!;
    expect(row['Støttekontakt']).toBe(`'=HYPERLINK("http://x.invalid"), A;B`);
    expect(payroll.text).toContain(`"'=HYPERLINK(""http://x.invalid""), A;B"`);
    const invoices = await coordinator
      .get(`/compensation/invoices?periodStart=${PERIOD}&format=csv`)
      .expect(200);
    const invoiceRow = parseCsv(invoices.text).find((r) => r['Timeliste-ID'] === timesheetId)!;
    expect(invoiceRow['Tjenestemottaker']).toBe(`'@SUM(1) -2`);

    const xlsx = await readXlsx(coordinator, `/compensation/payroll?periodStart=${PERIOD}&format=xlsx`);
    const index = xlsx.rows.findIndex((r) => r[2] === timesheetId);
    const cell = xlsx.sheet.getRow(index + 2).getCell(1);
    expect(cell.value).toBe('=HYPERLINK("http://x.invalid"), A;B');
    expect(cell.formula).toBeUndefined();
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
    await contact.client.get(`/compensation/payroll?periodStart=${PERIOD}&format=xlsx`).expect(403);
    await request(app.getHttpServer())
      .get(`/compensation/invoices?periodStart=${PERIOD}&format=csv`)
      .expect(401);
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
