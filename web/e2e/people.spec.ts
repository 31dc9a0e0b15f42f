import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, signInAsCoordinator } from './support';

test.describe.configure({ mode: 'serial' });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openFromMenu(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name }).click();
}

test('a coordinator opens a service user’s record and reveals the fødselsnummer, which is logged', async ({
  page,
}) => {
  await signInAsCoordinator(page);
  await openFromMenu(page, 'Tjenestemottakere');
  await expect(page.getByRole('heading', { level: 1, name: 'Tjenestemottakere' })).toBeVisible();
  const list = page.getByRole('table', { name: /Tjenestemottakere, etter navn/ });
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  await expect(list).toContainText('*****');
  await expect(list).not.toContainText(/\d{6} \d{5}/);
  await expectAccessible(page);

  // Search by name, then open the first one found.
  const first = list.getByRole('row').nth(1).getByRole('link');
  const name = (await first.innerText()).trim();
  await page.getByRole('search').getByLabel('Navn').fill(name.split(' ')[0]);
  await page.getByRole('search').getByRole('button', { name: 'Søk' }).click();
  await expect(list.getByRole('link', { name })).toBeVisible();
  await list.getByRole('link', { name }).first().click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Vedtak' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Vedtak, nyeste først/ })).toContainText(
    /timer i (uken|måneden)/,
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Timer brukt per periode' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Saksgang' })).toBeVisible();
  await expect(page.getByText(/\d{6} \*{5}/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Vis fødselsnummer' }).click();
  await expect(page.getByText(/^\d{6} \d{5}$/)).toBeVisible();
  const log = page.getByRole('table', { name: /Tilgangslogg/ });
  await expect(log.getByRole('row').filter({ hasText: 'Så hele fødselsnummeret' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Skjul fødselsnummer' }).click();
  await expect(page.getByText(/^\d{6} \d{5}$/)).toHaveCount(0);
  // A user with a støttekontakt: hours used against granted, this period and those before it.
  await page.getByRole('link', { name: 'Tilbake til tjenestemottakere' }).click();
  await page.getByRole('search').getByLabel('Navn').fill('');
  await page.getByRole('search').getByRole('button', { name: 'Søk' }).click();
  const served = list
    .getByRole('row')
    .filter({ hasText: 'Individuell støttekontakt' })
    .filter({ hasText: 'Har støttekontakt' })
    .first()
    .getByRole('link');
  const servedName = (await served.innerText()).trim();
  await served.click();
  await expect(page.getByRole('heading', { level: 1, name: servedName })).toBeVisible();
  const quotas = page.getByRole('table', { name: /Timer brukt mot innvilget/ });
  await expect(quotas.getByRole('row').nth(1)).toContainText(/\d+ t/);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
});

test('the roster filters by eligibility, says what is missing, and shows a contact’s week', async ({
  page,
}) => {
  await signInAsCoordinator(page);
  await openFromMenu(page, 'Støttekontakter');
  await expect(page.getByRole('heading', { level: 1, name: 'Støttekontakter' })).toBeVisible();
  const roster = page.getByRole('table', { name: /Støttekontakter, etter navn/ });
  await expect(roster.getByRole('row').nth(1)).toBeVisible();
  await expect(roster).toContainText(/av \d+ tjenestemottakere/);
  await expectAccessible(page);

  await page.getByLabel('Kan få oppdrag').selectOption('no');
  await page.getByRole('search').getByRole('button', { name: 'Søk' }).click();
  await expect(roster.getByText('Kan ikke få oppdrag nå').first()).toBeVisible();
  await expect(roster).not.toContainText('police_certificate');
  await expectAccessible(page);

  await page.getByLabel('Kan få oppdrag').selectOption('yes');
  await page.getByRole('search').getByRole('button', { name: 'Søk' }).click();
  await expect(roster.getByText('Kan ikke få oppdrag nå')).toHaveCount(0);
  const contact = roster.getByRole('row').nth(1).getByRole('link');
  const name = (await contact.innerText()).trim();
  await contact.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const week = page.getByRole('table', { name: `Ledig tid i uken for ${name}` });
  await expect(week.getByRole('columnheader', { name: 'Man' })).toBeVisible();
  await expect(week.getByRole('cell', { name: /Ledig/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test('a coordinator forms an activity group: 3–6 members enforced, then saved, listed and started', async ({
  page,
}) => {
  const groupName = `Testgruppa ${Date.now() % 100000}`;
  await signInAsCoordinator(page);
  await openFromMenu(page, 'Grupper');
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivitetsgrupper' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Gruppeforslag fra matchingen' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Lag en ny gruppe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lag en ny gruppe' })).toBeVisible();
  const members = page.getByRole('group', { name: /Medlemmer/ });
  const contacts = page.getByRole('group', { name: /Støttekontakter/ });
  await expect(members.getByRole('checkbox').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Navn på gruppen').fill(groupName);
  for (let i = 0; i < 2; i++) await members.getByRole('checkbox', { checked: false }).first().click();
  await expect(members.getByText('2 valgt')).toBeVisible();
  await page.getByRole('button', { name: 'Lagre gruppen' }).click();
  await expect(page.getByRole('link', { name: 'En gruppe må ha minst 3 medlemmer.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Velg minst én støttekontakt.' })).toBeVisible();
  await expectAccessible(page);

  await members.getByRole('checkbox', { checked: false }).first().click();
  await expect(members.getByText('3 valgt')).toBeVisible();
  // A contact with room for one more.
  const roomy = contacts
    .locator('.ds-field')
    .filter({ hasText: /^.*0 av [1-9] tjenestemottakere/ })
    .getByRole('checkbox')
    .first();
  await roomy.click();
  await expect(contacts.getByText('1 valgt')).toBeVisible();
  await page.getByLabel('Timer i uken').fill('2');
  await page.getByRole('button', { name: 'Lagre gruppen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Aktivitetsgrupper' })).toBeVisible();
  await expect(page.getByText(`Gruppen «${groupName}» er opprettet.`)).toBeVisible();
  await page.getByLabel('Vis grupper').selectOption('forming');
  const row = page.getByRole('table', { name: /Aktivitetsgrupper, etter navn/ }).getByRole('row', {
    name: new RegExp(groupName),
  });
  await expect(row).toContainText('Under oppstart');
  await expect(row).toContainText('3 av 6');
  await expectAccessible(page);

  await row.getByRole('link', { name: groupName }).click();
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start gruppen' }).click();
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('the night’s group proposals are declined with a reason or accepted', async ({ page }) => {
  await signInAsCoordinator(page);
  await openFromMenu(page, 'Forslag');
  await page.getByRole('button', { name: 'Start matching nå' }).click();
  await expect(page.getByText('Matchingen er ferdig.')).toBeVisible({ timeout: 120_000 });

  await openFromMenu(page, 'Grupper');
  const proposals = page.getByRole('table', { name: /Åpne gruppeforslag/ });
  await expect(proposals.getByRole('row').nth(1)).toBeVisible();
  const before = await proposals.getByRole('row').count();
  await expect(proposals.getByRole('row').nth(1)).toContainText(/timer i uken|ledig plass/);
  await expectAccessible(page);

  // Decline the first: a reason is required.
  const first = proposals.getByRole('row').nth(1);
  const declined = (await first.getByRole('cell').first().innerText()).trim();
  await first.getByRole('button', { name: /^Avslå gruppeforslag/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Avslå forslaget' }).click();
  await expect(dialog.getByText('Skriv hvorfor forslaget avslås.')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Hvorfor avslås forslaget?').fill('Medlemmene bor for langt fra hverandre');
  await dialog.getByRole('button', { name: 'Avslå forslaget' }).click();
  await expect(dialog).toBeHidden();
  await expect(proposals.getByRole('row', { name: new RegExp(escape(declined)) })).toHaveCount(0);

  if (before > 2) {
    const next = proposals.getByRole('row').nth(1);
    const accepted = (await next.getByRole('cell').first().innerText()).trim();
    await next.getByRole('button', { name: /^Godta gruppeforslag/ }).click();
    await expect(page.getByText(/Gruppeforslaget er godtatt/)).toBeVisible();
    await expect(page.getByRole('table', { name: /Aktivitetsgrupper, etter navn/ })).toContainText(accepted);
    await expectAccessible(page);
  }
});

test('the new pages reflow at 320 CSS px without scrolling the page sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await signInAsCoordinator(page);
  const expectNoOverflow = async (what: string) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${what}`).toBeLessThanOrEqual(0);
  };
  for (const path of ['/tjenestemottakere', '/stottekontakter', '/grupper', '/grupper/ny']) {
    await page.goto(path);
    await expectNoOverflow(path);
  }
  // A record and a contact's week grid too.
  for (const path of ['/tjenestemottakere', '/stottekontakter']) {
    await page.goto(path);
    await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${path}/[0-9a-f-]{36}$`));
    await expectNoOverflow(`a record under ${path}`);
  }
});
