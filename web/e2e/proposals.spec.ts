import { expect, type Page, request, test } from '@playwright/test';
import { expectAccessible, openMeetingHoursAroundTheClock, signInAsCoordinator } from './support';

interface ProposalItem {
  id: string;
  serviceUser: { firstName: string; lastName: string };
  contact: { firstName: string; lastName: string };
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ baseURL }) => openMeetingHoursAroundTheClock(baseURL ?? ''));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const name = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** The Forslag page with the open proposals of a run just finished. */
async function proposalsOfAFreshRun(page: Page) {
  await signInAsCoordinator(page);
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Forslag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forslag' })).toBeVisible();
  await page.getByRole('button', { name: 'Start matching nå' }).click();
  await expect(page.getByText('Matchingen er ferdig.')).toBeVisible({ timeout: 120_000 });
  const table = page.getByRole('table', { name: /Åpne forslag/ });
  await expect(table.getByRole('row').nth(3)).toBeVisible();
  return table;
}

/** Another coordinator, through the API: the proposals as the page lists them, and accepting one. */
async function anotherCoordinator(baseURL: string) {
  const api = await request.newContext({ baseURL });
  const signedIn = await api.post('/auth/demo-login', { data: { persona: 'coordinator' } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return {
    async firstOpen(count: number): Promise<ProposalItem[]> {
      const response = await api.get(`/proposals?status=open&page=1&pageSize=${count}`);
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: ProposalItem[] }).items;
    },
    async accept(id: string) {
      const response = await api.post(`/proposals/${id}/accept`, { headers: { 'X-CSRF-Token': csrfToken } });
      expect(response.status(), await response.text()).toBe(201);
    },
    dispose: () => api.dispose(),
  };
}

test('a coordinator accepts several proposals at once and reads what became of each', async ({
  page,
  baseURL,
}) => {
  const table = await proposalsOfAFreshRun(page);
  const other = await anotherCoordinator(baseURL ?? '');
  const [first, second, third] = await other.firstOpen(3);

  for (const proposal of [first, second, third]) {
    await table
      .getByRole('checkbox', {
        name: `Velg forslag: ${name(proposal.serviceUser)} og ${name(proposal.contact)}`,
      })
      .check();
  }
  await expect(page.getByRole('status').filter({ hasText: '3 forslag valgt' })).toBeVisible();
  await expectAccessible(page);

  // Meanwhile another coordinator accepts the third pair: it can no longer be accepted here.
  await other.accept(third.id);
  await other.dispose();

  await page.getByRole('button', { name: 'Godta valgte (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Godta 3 forslag?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Godta 3 forslag' }).click();

  const result = page.getByRole('heading', { name: '2 av 3 forslag ble godtatt' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toBeFocused();
  // Why the third was not accepted, in Norwegian (the proposal is taken, or its user has a meeting on its way).
  await expect(
    page.getByText(
      new RegExp(
        `^${escape(`${name(third.serviceUser)} og ${name(third.contact)}`)}: (Dette kan ikke gjøres|Det finnes allerede)`,
      ),
    ),
  ).toBeVisible();
  await expect(page.getByText(`${name(first.serviceUser)} og ${name(first.contact)}.`)).toBeVisible();
  // The accepted pairs have left the open list.
  await expect(
    table.getByRole('checkbox', { name: new RegExp(`${escape(name(first.serviceUser))} og`) }),
  ).toHaveCount(0);
  await expectAccessible(page);

  // On to the first introduction: the suggested times on a week view, in Oslo time, at 320 px too.
  await page.getByRole('link', { name: `Avtal møtetid for ${name(first.serviceUser)}` }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Introduksjonsmøte: ${name(first.serviceUser)} og ${name(first.contact)}`,
    }),
  ).toBeVisible();
  const times = page.getByRole('group', { name: 'Velg møtetid' });
  await expect(times).toBeVisible();
  await expect(times.getByRole('heading', { level: 3, name: /^Uke \d+/ }).first()).toBeVisible();
  const slot = times.getByRole('radio', { name: /^\S+ \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d–\d\d:\d\d$/ }).first();
  await expect(slot).toBeVisible();
  await slot.focus();
  await page.keyboard.press('Space');
  await expect(slot).toBeChecked();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(times).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});

test('a user’s alternatives side by side, best first, with the score in words', async ({ page }) => {
  const table = await proposalsOfAFreshRun(page);
  const row = table.getByRole('row').nth(1);
  const user = (await row.getByRole('cell').nth(0).innerText()).trim();
  const opener = row.getByRole('button', { name: `Se alternativer for ${user}` });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: `Alternativer for ${user}` });
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole('list', { name: `Foreslåtte støttekontakter for ${user}, beste først` });
  const cards = list.getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  // This run's proposal is among them, marked, with its score and its parts in words.
  const thisRun = cards.filter({ hasText: 'Denne kjøringen' });
  await expect(thisRun).toHaveCount(1);
  await expect(thisRun).toContainText('Poeng:');
  await expect(thisRun).toContainText('km unna');
  await expect(cards.first().getByRole('heading', { level: 4 })).toHaveText(/^1\. /);
  // Who else the run's rules allow for the user now, ranked by the run's own points, this proposal among them.
  const possible = dialog.getByRole('list', { name: `Mulige støttekontakter for ${user}, beste først` });
  const candidates = possible.getByRole('listitem');
  await expect(candidates.first()).toBeVisible();
  await expect(candidates.filter({ hasText: 'Dette forslaget' })).toHaveCount(1);
  await expect(candidates.first()).toContainText('km unna');
  await expect(candidates.first()).toContainText(/Plass til (én|\d+) til/);
  const points = (await candidates.getByText(/^Poeng: /).allInnerTexts()).map((text) =>
    Number(text.replace(/\D/g, '')),
  );
  expect(points).toEqual([...points].sort((a, b) => b - a));
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
