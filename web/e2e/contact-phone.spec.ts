import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { startMailbox } from './mailbox';
import { expectAccessible, openMeetingHoursAroundTheClock } from './support';

/** The demo persona 'contact' (src/demo/demo-ids.ts). */
const DEMO_CONTACT_ID = '5e7d0001-0000-4000-8000-000000000001';
const USER_EMAIL = 'mina.signerer@example.test';
const GUARDIAN_EMAIL = 'far.til.sofie@example.test';

test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ mode: 'serial' });

let mailbox: Awaited<ReturnType<typeof startMailbox>>;

/** YYYY-MM-DD in Oslo, `days` from today. */
function osloDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/**
 * A Tenor synthetic fødselsnummer (month + 80, accepted where the demo runs) for a birth date in 2000–2039:
 * individual numbers 500–999, with the two mod-11 check digits (DOMAIN: weights 3 7 6 1 8 9 4 5 2 and
 * 5 4 3 2 7 6 5 4 3 2). Starts high, far from the demo seed's numbers.
 */
let nextIndividual = 990;
function syntheticNationalId(birthDate: string): string {
  const [year, month, day] = birthDate.split('-');
  const check = (digits: number[], weights: number[]) => {
    const rest = 11 - (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11);
    return rest === 11 ? 0 : rest;
  };
  for (;;) {
    const individual = nextIndividual--;
    const base = `${day}${String(Number(month) + 80)}${year.slice(2)}${individual}`.split('').map(Number);
    const k1 = check(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === 10) continue;
    const k2 = check([...base, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 === 10) continue;
    return [...base, k1, k2].join('');
  }
}

async function signedIn(baseURL: string, persona: string) {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/auth/demo-login', { data: { persona } });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { api, headers: { 'X-CSRF-Token': csrfToken } };
}

async function ok<T>(
  response: Awaited<ReturnType<APIRequestContext['post']>>,
  status = [200, 201],
): Promise<T> {
  expect(status, `${response.url()}: ${await response.text()}`).toContain(response.status());
  return (await response.json()) as T;
}

type Signed = Awaited<ReturnType<typeof signedIn>>;

/** A service user with a vedtak of 3 hours a week from a fortnight ago, made by the coordinator. */
async function newUser(
  { api, headers }: Signed,
  firstName: string,
  birthDate: string,
  extra: Record<string, string> = {},
) {
  const user = await ok<{ id: string }>(
    await api.post('/service-users', {
      headers,
      data: {
        nationalId: syntheticNationalId(birthDate),
        firstName,
        lastName: 'Testesen',
        phone: '+47 912 34 567',
        languages: ['nb'],
        postalCode: '3015',
        latitude: 59.74,
        longitude: 10.19,
        interests: ['cinema'],
        availability: [{ day: 'wed', start: '16:00', end: '19:00' }],
        ...extra,
      },
    }),
  );
  const decision = await ok<{ id: string }>(
    await api.post(`/service-users/${user.id}/decisions`, {
      headers,
      data: {
        serviceForm: 'individual',
        hoursGranted: 3,
        hoursPeriod: 'week',
        drivingKmGranted: 100,
        drivingPeriod: 'month',
        decidedOn: osloDate(-20),
        validFrom: osloDate(-14),
        validTo: osloDate(300),
        decisionText: 'Innvilget støttekontakt 3 timer per uke.',
      },
    }),
  );
  return { id: user.id, decisionId: decision.id };
}

/**
 * The coordinator's part, through the API as web/e2e/support.ts does it: room for two more users with the demo
 * contact, Mina (an assignment started a week ago, a vedtak of 3 hours a week, her own e-mail for signing) and
 * Jonas (an introduction meeting booked for tomorrow).
 */
async function coordinatorPrepares(baseURL: string) {
  const coordinator = await signedIn(baseURL, 'coordinator');
  const { api, headers } = coordinator;
  await ok(
    await api.patch(`/contacts/${DEMO_CONTACT_ID}`, { data: { maxUsers: 6, maxWeeklyHours: 30 }, headers }),
  );
  const mina = await newUser(coordinator, 'Mina', '2009-03-14');
  await ok(
    await api.put(`/service-users/${mina.id}/notification-settings`, {
      headers,
      data: { notifyBy: 'email', email: USER_EMAIL },
    }),
  );
  await ok(
    await api.post('/assignments', {
      headers,
      data: {
        contactId: DEMO_CONTACT_ID,
        serviceUserId: mina.id,
        startsOn: osloDate(-7),
        startWithoutIntroductionReason: 'Testdata: møtet ble holdt utenfor systemet',
      },
    }),
  );

  const jonas = await newUser(coordinator, 'Jonas', '2008-06-02');
  const intro = await ok<{ id: string }>(
    await api.post('/introductions', {
      headers,
      data: { serviceUserId: jonas.id, contactId: DEMO_CONTACT_ID },
    }),
  );
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCHours(10, 0, 0, 0);
  await ok(
    await api.post(`/introductions/${intro.id}/booking`, {
      headers,
      data: { startsAt: tomorrow.toISOString(), location: 'Biblioteket, møterom 2' },
    }),
  );
  await api.dispose();
}

/** At 320 CSS px the page reflows (no sideways scrolling of the page) and stays axe clean; then back to 390. */
async function reflowsAt320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
}

test.beforeAll(async ({ baseURL }) => {
  mailbox = await startMailbox();
  await openMeetingHoursAroundTheClock(baseURL ?? '');
  await coordinatorPrepares(baseURL ?? '');
});
test.afterAll(async () => mailbox?.close());

test('a støttekontakt works the month on the phone, and the user signs by the link in the e-mail', async ({
  page,
  browser,
}) => {
  const nav = () => page.getByRole('navigation', { name: 'Hovedmeny' });

  // Sign in as the demo contact: the home is Mine oppdrag.
  await page.goto('/');
  await expect(page).toHaveURL(/\/logg-inn/);
  await page.getByRole('button', { name: /\(Støttekontakt\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine oppdrag' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mina' })).toBeVisible();
  await expect(page.getByText(/Mina: 3 av 3 timer igjen/)).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);

  // Tilgjengelighet: Friday evenings are free.
  await nav().getByRole('link', { name: 'Tilgjengelighet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgjengelighet' })).toBeVisible();
  const friday = page.getByRole('group', { name: 'Fredag' });
  await friday.getByRole('checkbox', { name: /Kveld/ }).check();
  await page.getByRole('button', { name: 'Lagre tidene' }).click();
  await expect(page.getByText('Tidene er lagret.')).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Fredag' }).getByRole('checkbox', { name: /Kveld/ }),
  ).toBeChecked();

  // Fravær: away for a week in three weeks' time; a backwards or overlapping one is refused in words.
  const nbDate = (iso: string) => iso.split('-').reverse().join('.');
  await page.getByLabel('Fra og med').fill(osloDate(20));
  await page.getByLabel('Til og med').fill(osloDate(19));
  await page.getByRole('button', { name: 'Legg til fraværet' }).click();
  await expect(page.getByRole('link', { name: /Til og med må være samme dag eller senere/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Til og med').fill(osloDate(27));
  await page.getByRole('button', { name: 'Legg til fraværet' }).click();
  await expect(page.getByText('Fraværet er lagret.')).toBeVisible();
  const absences = page.getByRole('list', { name: 'Fraværet ditt' });
  await expect(absences.getByText(`${nbDate(osloDate(20))}–${nbDate(osloDate(27))}`)).toBeVisible();
  await page.getByLabel('Fra og med').fill(osloDate(25));
  await page.getByLabel('Til og med').fill(osloDate(30));
  await page.getByRole('button', { name: 'Legg til fraværet' }).click();
  await expect(page.getByText('Tiden overlapper noe som allerede er registrert.')).toBeVisible();
  await expect(absences.getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page);
  await reflowsAt320(page);

  // Mine møter: the meeting with Jonas tomorrow.
  await nav().getByRole('link', { name: 'Mine møter' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Møte med Jonas' })).toBeVisible();
  await expect(page.getByText('Biblioteket, møterom 2')).toBeVisible();
  await expect(page.getByText('Jonas, saksbehandleren og du')).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);

  // Planlagte økter: a time agreed with Mina in two days; it goes into the calendar feed below.
  const planned = page.getByRole('region', { name: 'Planlagte økter' });
  await planned.getByLabel('Hvem skal du møte?').selectOption({ label: 'Mina' });
  await planned.getByLabel('Dato for avtalen').fill(osloDate(2));
  await planned.getByLabel('Fra klokken').fill('17:00');
  await planned.getByLabel('Til klokken').fill('16:00');
  await planned.getByRole('button', { name: 'Legg til avtalen' }).click();
  await expect(
    planned.getByRole('link', { name: 'Til klokken må være senere enn fra klokken.' }),
  ).toBeVisible();
  await expectAccessible(page);
  await planned.getByLabel('Til klokken').fill('18:30');
  await planned.getByRole('button', { name: 'Legg til avtalen' }).click();
  await expect(planned.getByText('Avtalen er lagret.')).toBeVisible();
  await expect(
    planned.getByRole('list', { name: 'Planlagte økter' }).getByText(/^Mina: .* kl\. 17:00–18:30$/),
  ).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);

  // The meetings into the phone's own calendar: a private feed, renewed and revoked.
  await page.getByRole('button', { name: 'Lag kalenderlenke' }).click();
  const feedField = page.getByLabel('Kalenderlenken din');
  await expect(feedField).toHaveValue(/\/calendar-feeds\/feed\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await reflowsAt320(page);
  const firstFeed = await feedField.inputValue();
  const feedText = async (url: string, status = 200) => {
    const answer = await page.request.get(url);
    expect(answer.status(), url).toBe(status);
    return answer.text();
  };
  const uids = (text: string) => text.match(/^UID:.*$/gm) ?? [];
  const ics = await feedText(firstFeed);
  expect(ics).toContain('SUMMARY:Introduksjonsmøte med Jonas');
  expect(ics).toContain('SUMMARY:Planlagt økt som støttekontakt med Mina');
  expect(uids(ics)).toHaveLength(2);
  expect(uids(await feedText(firstFeed))).toEqual(uids(ics));
  expect(ics).not.toMatch(/Testesen|\d{11}/);
  await page.getByRole('button', { name: 'Lag ny lenke' }).click();
  await expect(feedField).not.toHaveValue(firstFeed);
  const renewedFeed = await feedField.inputValue();
  await feedText(firstFeed, 404);
  expect(uids(await feedText(renewedFeed))).toEqual(uids(ics));
  await page.getByRole('button', { name: 'Slå av kalenderlenken' }).click();
  await expect(page.getByText('Kalenderlenken er slått av.')).toBeVisible();
  await feedText(renewedFeed, 404);
  await expectAccessible(page);

  // Før timer: yesterday 10:00–12:30 at the cinema, 12,5 km; the quota answers at once (over 80 %).
  await nav().getByRole('link', { name: 'Før timer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Før timer' })).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);
  // Start/stop: the timer keeps running across a reload (kept on the phone), and stopping fills in the times.
  await page.getByRole('button', { name: 'Start økten nå' }).click();
  await expect(page.getByText(/Økten gikk i gang kl\. \d\d:\d\d \(0 min\)/)).toBeVisible();
  await expectAccessible(page);
  // As if it had been started three minutes ago, then the page reloaded.
  await page.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ startedAt: new Date(Date.now() - 180_000).toISOString() }));
  }, `stottekontakt.session-timer.${DEMO_CONTACT_ID}`);
  await page.reload();
  await expect(page.getByText(/Økten gikk i gang kl\. \d\d:\d\d \(3 min\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Stopp økten' }).click();
  await expect(page.getByText(/Dato og klokkeslett er fylt inn|Økten gikk over midnatt/)).toBeVisible();
  await expect(page.getByLabel('Fra klokken')).toHaveValue(/^\d\d:\d\d$/);
  await expect(page.getByLabel('Til klokken')).toHaveValue(/^\d\d:\d\d$/);
  await expect(page.getByRole('button', { name: 'Start økten nå' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Hvem var du sammen med?').selectOption({ label: 'Mina' });
  await page.getByLabel('Dato').fill(osloDate(-1));
  await page.getByLabel('Fra klokken').fill('10:00');
  await page.getByLabel('Til klokken').fill('12:30');
  await page.getByLabel('Hva gjorde dere?').fill('Kino og kafé');
  await page.getByLabel(/Kilometer/).fill('12,5');
  // Utlegg in the municipality's categories: a 180 kr cinema ticket, covered up to 150 kr a ticket.
  await page.getByRole('button', { name: 'Legg til utlegg' }).click();
  await page
    .getByLabel('Kategori for utlegg 1')
    .selectOption({ label: 'Inngangsbillett for støttekontakten' });
  await expect(page.getByText(/Kommunen dekker inntil 150,00\skr per billett/)).toBeVisible();
  await page.getByLabel('Beløp i kroner').fill('180');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Før timene' }).click();
  await expect(page.getByText('Timene er ført: 2,5 timer')).toBeVisible();
  await expect(page.getByText(/Utlegg: 180,00\skr\. Kommunen dekker 150,00\skr\./)).toBeVisible();
  await expect(page.getByText('Mina har 0,5 av 3 timer igjen')).toBeVisible();
  await expect(page.getByText(/Over 80 % av timene i vedtaket er brukt/)).toBeVisible();
  await expectAccessible(page);

  // Without network: a quarter of an hour in the park is kept on the phone, and sent once the network is back.
  await page.context().setOffline(true);
  await page.getByLabel('Fra klokken').fill('14:00');
  await page.getByLabel('Til klokken').fill('14:15');
  await page.getByLabel('Hva gjorde dere?').fill('Tur i parken');
  await page.getByLabel(/Kilometer/).fill('');
  await page.getByRole('button', { name: 'Før timene' }).click();
  await expect(page.getByText(/Timene er lagret på telefonen/)).toBeVisible();
  await expect(page.getByText('1 økt venter på nett.')).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByText(/kl\. 14:00 er sendt nå som du er på nett igjen/)).toBeVisible();
  await expect(page.getByText('1 økt venter på nett.')).toBeHidden();
  await expect(page.getByText('Mina har 0,25 av 3 timer igjen')).toBeVisible();
  await expectAccessible(page);

  // Timeliste: the line and the totals, then "Send til signering".
  await nav().getByRole('link', { name: 'Timeliste' }).click();
  const lines = page.getByRole('list', { name: 'Timer med Mina' });
  await expect(
    lines.getByRole('listitem').filter({ hasText: 'Kino og kafé: 2,5 timer, 12,5 km' }),
  ).toBeVisible();
  await expect(lines.getByRole('listitem').filter({ hasText: 'Tur i parken: 0,25 timer' })).toBeVisible();
  await expect(page.getByText(/Til sammen: 2 ganger, 2,75 timer, 12,5 km/)).toBeVisible();
  await expect(page.getByText(/av det dekker kommunen 150,00\skr/)).toBeVisible();
  await expect(
    page.getByText(/Inngangsbillett for støttekontakten: 180,00\skr, kommunen dekker 150,00\skr/),
  ).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);
  await page.getByRole('button', { name: 'Send til signering' }).click();
  await expect(page.getByText(/Lenken er sendt til m\*\*\*@example\.test/)).toBeVisible();
  await expectAccessible(page);

  // The e-mail that reached the SMTP server holds the link; Mina opens it on her own phone, no sign-in.
  const mail = await mailbox.waitFor(USER_EMAIL, /Timelisten/);
  const link = /https?:\/\/[^\s]+\/signer\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();
  expect(mail.text).not.toMatch(/\d{11}/);
  const userContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nb-NO' });
  const userPage = await userContext.newPage();
  const staffCalls: string[] = [];
  userPage.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (!/^\/(signing\/|signer\/|assets\/|auth\/session$|favicon)/.test(path)) staffCalls.push(path);
  });
  await userPage.goto(link!);
  await expect(userPage.getByRole('heading', { level: 1, name: 'Signer timelisten' })).toBeVisible();
  await expect(userPage.getByText(/Hei, Mina! Her er timene du og Aksel har vært sammen/)).toBeVisible();
  await expect(userPage.getByRole('heading', { level: 2, name: /Timene fra/ })).toBeVisible();
  await expect(userPage.getByText('Kino og kafé. 2,5 timer. Kjørte 12,5 kilometer.')).toBeVisible();
  await expect(userPage.getByText('Tur i parken. 0,25 timer.')).toBeVisible();
  await expect(
    userPage.getByText('Til sammen 2 ganger, 2,75 timer og 12,5 kilometer. Utlegg: 180,00 kr.'),
  ).toBeVisible();
  await expectAccessible(userPage);
  await reflowsAt320(userPage);
  // Sending without an answer is stopped with a plain message.
  await userPage.getByRole('button', { name: 'Send svaret' }).click();
  await expect(userPage.getByRole('link', { name: 'Svar om timene stemmer.' })).toBeVisible();
  await expectAccessible(userPage);
  await userPage.getByRole('radio', { name: 'Ja, timene stemmer' }).check();
  await userPage.getByRole('button', { name: 'Send svaret' }).click();
  await expect(
    userPage.getByRole('heading', { level: 1, name: 'Takk! Timelisten er signert' }),
  ).toBeVisible();
  await expectAccessible(userPage);

  // The same link again is refused, in words.
  await userPage.goto(link!);
  await expect(userPage.getByRole('heading', { level: 1, name: 'Lenken er brukt' })).toBeVisible();
  await expectAccessible(userPage);
  // An altered link is refused too.
  await userPage.goto(`${link!.slice(0, -4)}AAAA`);
  await expect(userPage.getByRole('heading', { level: 1, name: 'Vi finner ikke lenken' })).toBeVisible();
  expect(staffCalls).toEqual([]);
  await userContext.close();

  // The contact sees the timesheet as signed (no longer open).
  await page.reload();
  await expect(page.getByText('Du har ingen åpne timelister.')).toBeVisible();
});

test('the guardian signs on the contact’s phone with the one-time code from the e-mail', async ({
  page,
  baseURL,
}) => {
  // Sofie, whose father is the guardian on record, was with the demo contact yesterday.
  const coordinator = await signedIn(baseURL ?? '', 'coordinator');
  const sofie = await newUser(coordinator, 'Sofie', '2012-09-21', {
    guardianName: 'Per Testesen',
    guardianPhone: '+47 913 45 678',
  });
  await ok(
    await coordinator.api.put(`/service-users/${sofie.id}/notification-settings`, {
      headers: coordinator.headers,
      data: { notifyBy: 'email', guardianEmail: GUARDIAN_EMAIL },
    }),
  );
  const assignment = await ok<{ id: string }>(
    await coordinator.api.post('/assignments', {
      headers: coordinator.headers,
      data: {
        contactId: DEMO_CONTACT_ID,
        serviceUserId: sofie.id,
        startsOn: osloDate(-7),
        startWithoutIntroductionReason: 'Testdata: møtet ble holdt utenfor systemet',
      },
    }),
  );
  const contact = await signedIn(baseURL ?? '', 'contact');
  const session = await ok<{ timesheetId: string }>(
    await contact.api.post('/sessions', {
      headers: contact.headers,
      data: {
        assignmentId: assignment.id,
        date: osloDate(-1),
        start: '16:00',
        end: '17:30',
        activity: 'Bowling',
      },
    }),
  );
  await contact.api.dispose();

  await page.goto('/');
  await page.getByRole('button', { name: /\(Støttekontakt\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine oppdrag' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Timeliste' }).click();
  await expect(
    page.getByRole('list', { name: 'Timer med Sofie' }).getByText('Bowling: 1,5 timer, 0 km'),
  ).toBeVisible();
  const codePart = page.getByRole('region', { name: 'Signer med engangskode' });
  await expect(codePart).toBeVisible();
  await expectAccessible(page);

  // By keyboard: the code is asked for; it goes to the guardian, and the phone says where (masked), not the code.
  await codePart.getByRole('button', { name: 'Send kode' }).focus();
  await page.keyboard.press('Enter');
  await expect(codePart.getByText(/Koden er sendt på e-post til f\*\*\*@example\.test/)).toBeVisible();
  const mail = await mailbox.waitFor(GUARDIAN_EMAIL, /Engangskode/);
  const code = /Koden din er: (\d{6})/.exec(mail.text)?.[1];
  expect(code, mail.text).toBeDefined();
  expect(mail.text).not.toMatch(/Sofie|Bowling|\d{11}/);
  await expect(page.getByText(code!)).toHaveCount(0);
  await expectAccessible(page);
  await reflowsAt320(page);

  // Too short, then a wrong one: refused in words, and the tries left are counted.
  const field = codePart.getByLabel('Engangskode');
  await field.fill('123');
  await field.press('Enter');
  await expect(codePart.getByText('Skriv de 6 sifrene fra e-posten.')).toBeVisible();
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await field.fill(wrong);
  await field.press('Enter');
  await expect(codePart.getByText('Koden er feil. Du kan prøve 4 ganger til.')).toBeVisible();
  await expectAccessible(page);

  // The guardian types the right one: the timesheet is signed, said where focus lands.
  await field.fill(code!);
  await codePart.getByRole('button', { name: 'Signer timelisten' }).click();
  const signed = page.getByRole('status').filter({ hasText: /er signert\. Koordinatoren får beskjed\./ });
  await expect(signed).toBeVisible();
  await expect(signed).toBeFocused();
  await expect(page.getByText('Du har ingen åpne timelister.')).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);

  // The coordinator sees who signed, how and where the code went, and can approve.
  const sheet = await ok<{ signature: Record<string, unknown> }>(
    await coordinator.api.get(`/timesheets/${session.timesheetId}`),
  );
  expect(sheet.signature).toMatchObject({
    signedBy: 'guardian',
    name: 'Per Testesen',
    method: 'one_time_code',
    codeSentTo: 'f***@example.test',
  });
  await coordinator.api.dispose();
});
