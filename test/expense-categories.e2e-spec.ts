import { INestApplication } from '@nestjs/common';
import { hoursFixtures, YEAR } from './support/hours-fixtures';
import { as, createMunicipality, createTestApp, tokenFor } from './support/test-app';

/**
 * Expenses in the municipality's categories (issue 14 "Costs and driving"): covered by each category's rule —
 * up to a rate per unit, up to a cap per contact and calendar month, or not at all — never as an open amount.
 */
describe('expense categories and what they cover', () => {
  let app: INestApplication;
  let coordinator: ReturnType<typeof as>;
  let fx: ReturnType<typeof hoursFixtures>;
  const ids: Record<'tickets' | 'parking' | 'food', string> = { tickets: '', parking: '', food: '' };

  beforeAll(async () => {
    app = await createTestApp();
    const municipalityId = (await createMunicipality(app)).id;
    coordinator = as(app, await tokenFor(app, 'coordinator', municipalityId));
    const admin = as(app, await tokenFor(app, 'admin', municipalityId));
    fx = hoursFixtures(app, municipalityId, coordinator);
    await admin
      .post('/compensation/rates')
      .send({ validFrom: `${YEAR}-01-01`, hourlyRateOre: 25_000, kmRateOre: 350 })
      .expect(201);
    const create = async (body: Record<string, unknown>) =>
      (await coordinator.post('/compensation/expense-categories').send(body).expect(201)).body.id as string;
    ids.tickets = await create({
      name: 'Inngangsbillett',
      rule: 'per_unit',
      unit: 'billett',
      rateOre: 15_000,
    });
    ids.parking = await create({ name: 'Parkering', rule: 'monthly_cap', monthlyCapOre: 30_000 });
    ids.food = await create({ name: 'Brukerens mat', rule: 'not_covered' });
  });
  afterAll(() => app.close());

  it('keeps each rule to its own terms, and names unique per municipality', async () => {
    const refused = await coordinator
      .post('/compensation/expense-categories')
      .send({ name: 'Bom', rule: 'monthly_cap', rateOre: 100 })
      .expect(400);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        { field: 'rateOre', reason: 'rateOre does not apply to the rule monthly_cap' },
        { field: 'monthlyCapOre', reason: 'monthlyCapOre is required for the rule monthly_cap' },
      ]),
    );
    await coordinator
      .post('/compensation/expense-categories')
      .send({ name: 'Bom', rule: 'free_for_all' })
      .expect(400);
    const duplicate = await coordinator
      .post('/compensation/expense-categories')
      .send({ name: 'Parkering', rule: 'not_covered' })
      .expect(409);
    expect(duplicate.body.code).toBe('already_exists');
  });

  it('refuses an open amount and a category that is not the municipality’s or is retired', async () => {
    const { contact, assignmentId } = await fx.individual();
    await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { expensesOre: 50_000 }))
      .expect(400);
    const retired = (
      await coordinator
        .post('/compensation/expense-categories')
        .send({ name: 'Gammel kategori', rule: 'not_covered', active: false })
        .expect(201)
    ).body.id;
    const refused = await contact.client
      .post('/sessions')
      .send(fx.session(assignmentId, { expenses: [{ categoryId: retired, amountOre: 100 }] }))
      .expect(400);
    expect(refused.body.details).toEqual([
      { field: 'expenses[0].categoryId', reason: 'no active expense category with this id' },
    ]);
    // A contact sees only the categories a session may use.
    const seen = (await contact.client.get('/compensation/expense-categories').expect(200)).body;
    expect(seen.map((c: { name: string }) => c.name)).not.toContain('Gammel kategori');
    expect(seen.map((c: { name: string }) => c.name)).toContain('Parkering');
    const staffSees = (await coordinator.get('/compensation/expense-categories').expect(200)).body;
    expect(staffSees.find((c: { id: string }) => c.id === retired)).toMatchObject({ active: false });
  });

  it('covers per unit, shares the monthly cap across the month’s sessions (two timesheets), pays nothing uncovered', async () => {
    const { contact, assignmentId } = await fx.individual();
    const log = async (date: string, expenses: Record<string, unknown>[]) =>
      (await contact.client.post('/sessions').send(fx.session(assignmentId, { date, expenses })).expect(201))
        .body;
    // 10 March is on the timesheet of 21 Feb – 20 Mar, 25 March on the next: one calendar month, one cap.
    const first = await log(`${YEAR}-03-10`, [
      { categoryId: ids.tickets, amountOre: 32_001, quantity: 2 },
      { categoryId: ids.parking, amountOre: 20_000 },
      { categoryId: ids.food, amountOre: 9_900 },
    ]);
    expect(first.expenses.map((e: { coveredOre: number }) => e.coveredOre)).toEqual([30_000, 20_000, 0]);
    expect(first).toMatchObject({ expensesOre: 61_901, expensesCoveredOre: 50_000 });
    const second = await log(`${YEAR}-03-25`, [{ categoryId: ids.parking, amountOre: 15_001 }]);
    expect(second.expenses[0]).toMatchObject({
      categoryName: 'Parkering',
      amountOre: 15_001,
      coveredOre: 10_000,
    });
    expect(second.timesheetId).not.toBe(first.timesheetId);
    const third = await log(`${YEAR}-04-02`, [{ categoryId: ids.parking, amountOre: 4_550 }]);
    expect(third.expenses[0].coveredOre).toBe(4_550); // a new month, a new cap

    const money = (await contact.client.get(`/compensation/timesheets/${first.timesheetId}`).expect(200))
      .body;
    expect(money.contactLines).toHaveLength(1);
    expect(money.contactLines[0]).toMatchObject({
      expensesOre: 50_000,
      expenses: [
        { categoryId: ids.food, categoryName: 'Brukerens mat', paidOre: 9_900, coveredOre: 0 },
        { categoryId: ids.tickets, categoryName: 'Inngangsbillett', paidOre: 32_001, coveredOre: 30_000 },
        { categoryId: ids.parking, categoryName: 'Parkering', paidOre: 20_000, coveredOre: 20_000 },
      ],
      // 2 h at 250 kr + 500 kr covered
      totalOre: 50_000 + 50_000,
    });
    const sheet = (await contact.client.get(`/timesheets/${second.timesheetId}`).expect(200)).body;
    expect(sheet.totals).toMatchObject({ expensesOre: 15_001 + 4_550, expensesCoveredOre: 10_000 + 4_550 });
    expect(sheet.sessions[0].expenses[0]).toMatchObject({ rule: 'monthly_cap', coveredOre: 10_000 });
  });

  it('counts two sessions logged at once against the cap one after the other', async () => {
    const { contact, assignmentId } = await fx.individual();
    const results = await Promise.all(
      ['10:00', '13:00', '16:00'].map((start, i) =>
        contact.client
          .post('/sessions')
          .send(
            fx.session(assignmentId, {
              date: `${YEAR}-05-0${i + 4}`,
              start,
              end: `${Number(start.slice(0, 2)) + 1}:00`,
              expenses: [{ categoryId: ids.parking, amountOre: 12_000 }],
            }),
          )
          .expect(201),
      ),
    );
    const covered = results.map((r) => r.body.expenses[0].coveredOre as number);
    expect(covered.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect([...covered].sort((a, b) => a - b)).toEqual([6_000, 12_000, 12_000]);
  });

  it('changes or retires a category for lines logged later; logged lines keep what they were covered with', async () => {
    const { contact, assignmentId } = await fx.individual();
    const before = (
      await contact.client
        .post('/sessions')
        .send(
          fx.session(assignmentId, {
            date: `${YEAR}-06-03`,
            expenses: [{ categoryId: ids.tickets, amountOre: 20_000 }],
          }),
        )
        .expect(201)
    ).body;
    expect(before.expenses[0].coveredOre).toBe(15_000);
    const changed = await coordinator
      .put(`/compensation/expense-categories/${ids.tickets}`)
      .send({ name: 'Inngangsbillett', rule: 'per_unit', unit: 'billett', rateOre: 10_000 })
      .expect(200);
    expect(changed.body).toMatchObject({ rateOre: 10_000, active: true });
    const after = (
      await contact.client
        .post('/sessions')
        .send(
          fx.session(assignmentId, {
            date: `${YEAR}-06-04`,
            expenses: [{ categoryId: ids.tickets, amountOre: 20_000 }],
          }),
        )
        .expect(201)
    ).body;
    expect(after.expenses[0].coveredOre).toBe(10_000);
    expect((await contact.client.get(`/sessions/${before.id}`).expect(200)).body.expenses[0].coveredOre).toBe(
      15_000,
    );
    await coordinator
      .put(`/compensation/expense-categories/${ids.tickets}`)
      .send({ name: 'Inngangsbillett', rule: 'per_unit', unit: 'billett', rateOre: 15_000 })
      .expect(200);
    await contact.client
      .put(`/compensation/expense-categories/${ids.tickets}`)
      .send({ name: 'x', rule: 'not_covered' })
      .expect(403);
    await coordinator
      .put('/compensation/expense-categories/00000000-0000-4000-8000-000000000000')
      .send({ name: 'x', rule: 'not_covered' })
      .expect(404);
  });
});
