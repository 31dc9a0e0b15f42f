import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, signInAsCoordinator } from './support';

test.describe.configure({ mode: 'serial' });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name, exact: true }).click();

/** Downloads a file by its link and returns its name and bytes. */
async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('a coordinator approves a signed timesheet and downloads the payroll', async ({ page }) => {
  await signInAsCoordinator(page);

  // Timelister: the demo's timesheets signed by their users wait for approval.
  await nav(page, 'Timelister');
  await expect(page.getByRole('heading', { level: 1, name: 'Timelister' })).toBeVisible();
  const waiting = page.getByRole('table', { name: 'Timelister som venter på godkjenning' });
  await expect(waiting.getByRole('row').nth(1)).toBeVisible();
  // One of the demo's own (the last whole pay period), not the ones contact-phone.spec signs for its Testesen
  // (by link or by one-time code).
  const demoRow = waiting.getByRole('row').filter({ hasNotText: 'Testesen' }).nth(1);
  await expect(demoRow).toContainText('med egen lenke');
  await expectAccessible(page);
  const first = demoRow.getByRole('link');
  const user = (await first.innerText()).trim();
  await first.click();

  // The timesheet: its sessions, totals, signature and money; approve it.
  await expect(page.getByRole('heading', { level: 1, name: `Timeliste for ${user}` })).toBeVisible();
  // Its sessions (how many depends on which signed timesheet is first: other specs sign one too).
  await expect(
    page.getByRole('table', { name: 'Økter på timelisten' }).getByRole('row').nth(1),
  ).toBeVisible();
  await expect(page.getByText(`Signert av ${user} (tjenestemottakeren)`)).toBeVisible();
  await expect(page.getByText('Til støttekontakten')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Godkjenn timelisten' }).click();
  await expect(page.getByText('Timelisten er godkjent')).toBeVisible();
  await expect(page.getByText('Godkjent', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // Utbetaling: the last whole pay period holds the approved timesheet; download both files.
  await nav(page, 'Utbetaling');
  await expect(page.getByRole('heading', { level: 1, name: 'Utbetaling' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: /^Utbetaling til støttekontakter/ }).getByRole('row'),
  ).not.toHaveCount(0);
  await expectAccessible(page);
  const csv = await download(page, 'Utbetalingsliste (CSV)');
  expect(csv.name).toMatch(/^utbetaling-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.split('\r\n')[0]).toBe(
    '\uFEFFStøttekontakt;Støttekontakt-ID;Timeliste-ID;Periode fra;Periode til;Sats gjelder fra;Minutter;Timer;' +
      'Timesats (kr);Godtgjørelse (kr);Km;Km-sats (kr);Kjøregodtgjørelse (kr);Utlegg dekket (kr);' +
      'Utlegg etter kategori;Til utbetaling (kr)',
  );
  expect(text).toMatch(/\r\nSum;;;\d{2}\.\d{2}\.\d{4};;;\d+;\d+,\d{2};;\d+,\d{2};/);
  const xlsx = await download(page, 'Utbetalingsliste (Excel, XLSX)');
  expect(xlsx.name).toBe(csv.name.replace(/\.csv$/, '.xlsx'));
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('a coordinator sets the expense categories contacts log expenses in', async ({ page }) => {
  await signInAsCoordinator(page);
  await nav(page, 'Utgiftskategorier');
  await expect(page.getByRole('heading', { level: 1, name: 'Utgiftskategorier' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Kategorier og hva kommunen dekker' });
  await expect(table.getByRole('row', { name: /Inngangsbillett for støttekontakten/ })).toContainText(
    'Inntil 150,00 kr per billett',
  );
  await expectAccessible(page);
  await page.getByLabel('Navn på kategorien').fill('Parkering for støttekontakten');
  await page.getByLabel('Hva dekker kommunen?').selectOption({ label: 'Inntil et beløp i måneden' });
  await page.getByLabel('Inntil kroner i måneden per støttekontakt').fill('200');
  await page.getByRole('button', { name: 'Legg til kategorien' }).click();
  await expect(page.getByText('Parkering for støttekontakten er lagret.')).toBeVisible();
  const parking = table.getByRole('row', { name: /Parkering for støttekontakten/ });
  await expect(parking).toContainText('Inntil 200,00 kr i måneden');
  await expectAccessible(page);
  await parking.getByRole('button', { name: 'Ta Parkering for støttekontakten ut av bruk' }).click();
  await expect(parking).toContainText('Tatt ut av bruk');
  await expectAccessible(page);
});

test('Oppdrag ends an assignment with a reason and lists the ended ones', async ({ page }) => {
  await signInAsCoordinator(page);
  await nav(page, 'Oppdrag');
  await expect(page.getByRole('heading', { level: 1, name: 'Oppdrag' })).toBeVisible();
  const active = page.getByRole('table', { name: 'Aktive oppdrag' });
  await expect(active.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page);

  // The page's last row started longest ago (latest start first), well before yesterday.
  await active
    .getByRole('button', { name: /^Avslutt oppdraget for/ })
    .last()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Avslutt oppdraget' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avslutt oppdraget' }).click();
  await expect(dialog.getByRole('link', { name: 'Velg en grunn til at oppdraget avsluttes' })).toBeVisible();
  await expectAccessible(page);
  // Ended yesterday, so it is in the list of ended assignments (one ending today still counts as active).
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() - 86_400_000),
  );
  await dialog.getByLabel('Siste dag').fill(yesterday);
  await dialog.getByLabel('Grunn').selectOption({ label: 'Behovet har endret seg' });
  await dialog.getByRole('button', { name: 'Avslutt oppdraget' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByText(/er avsluttet\.$/)).toBeVisible();

  await page.getByRole('tab', { name: 'Avsluttede' }).click();
  const ended = page.getByRole('table', { name: 'Avsluttede oppdrag' });
  await expect(ended.getByRole('row').nth(1)).toContainText('Behovet har endret seg');
  await expectAccessible(page);
});

test('Rapporter shows each chart beside its table, and the KPR download', async ({ page }) => {
  await signInAsCoordinator(page);
  await nav(page, 'Rapporter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter' })).toBeVisible();
  for (const name of [
    'Ventetid per måned for dem som startet',
    'Timer innvilget og brukt per måned',
    'Avsluttede oppdrag etter varighet',
  ]) {
    await expect(page.getByRole('table', { name })).toBeVisible();
  }
  await expect(
    page.getByRole('table', { name: 'Ventetid per måned for dem som startet' }).getByRole('row'),
  ).toHaveCount(13);
  await expect(page.locator('.recharts-wrapper')).toHaveCount(3);
  // The assignment ended in the test before is counted with its reason in words.
  await expect(
    page
      .getByRole('table', { name: 'Avsluttede oppdrag etter varighet' })
      .getByText('Behovet har endret seg: 1'),
  ).toBeVisible();
  await expectAccessible(page);
  const kpr = await download(page, /^Last ned KPR-uttrekk for \d{4} \(CSV\)$/);
  expect(kpr.name).toMatch(/^kpr-\d{4}\.csv$/);
});

test('a tab shows its own list after a switch (Timelister, Introduksjonsmøter)', async ({ page }) => {
  await signInAsCoordinator(page);
  await page.goto('/timelister');
  await page.getByRole('tab', { name: 'Godkjent' }).click();
  // Approved by the first test of this file.
  await expect(
    page.getByRole('table', { name: 'Godkjente timelister' }).getByRole('row').nth(1),
  ).toBeVisible();
  await page.goto('/introduksjoner');
  await page.getByRole('tab', { name: 'Avslått' }).click();
  await expect(page.getByRole('tabpanel').getByText('Ingen introduksjonsmøter her.')).toBeVisible();
});

test('the new pages reflow at 320 CSS px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await signInAsCoordinator(page);
  for (const path of ['/timelister', '/utbetaling', '/rapporter']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});
