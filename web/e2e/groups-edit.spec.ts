import { type APIRequestContext, expect, type Locator, type Page, request, test } from '@playwright/test';
import { expectAccessible, signInAsCoordinator } from './support';

test.describe.configure({ mode: 'serial' });

interface GroupRow {
  id: string;
  name: string;
  status: 'forming' | 'active' | 'closed';
  memberCount: number;
  postalCode: string | null;
  version: number;
  members: { id: string; firstName: string; lastName: string }[];
  contacts: unknown[];
}

/** Another coordinator's session through the API (the demo sign-in), as a second person at another desk. */
async function otherCoordinator(baseURL: string) {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/auth/demo-login', { data: { persona: 'coordinator' } });
  expect(response.status()).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { api, headers: { 'X-CSRF-Token': csrfToken } };
}

async function demoGroups(api: APIRequestContext): Promise<GroupRow[]> {
  const response = await api.get('/groups', { params: { pageSize: 100, status: 'active' } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: GroupRow[] }).items;
}

/** The demo's active groups are taken one per test, so that the tests do not lean on each other's changes. */
async function pickGroup(baseURL: string, which: (groups: GroupRow[]) => GroupRow | undefined) {
  const other = await otherCoordinator(baseURL);
  const group = which(await demoGroups(other.api));
  expect(group, 'a demo group to work on').toBeTruthy();
  return { other, group: group as GroupRow };
}

/** At 320 CSS px the page reflows without sideways scrolling and stays axe clean. */
async function reflowsAt320(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(0);
  await expectAccessible(page);
  if (before) await page.setViewportSize(before);
}

/** The suggestion's input by its label (its list of options carries the same name once opened). */
const field = (page: Page, label: string) =>
  page.locator('input').and(page.getByLabel(label, { exact: true }));

const membersTable = (page: Page) => page.getByRole('table', { name: 'Medlemmer etter plass' });

/** Picks the first service user the suggestion offers, by mouse, and adds them. */
async function addFirstCandidate(page: Page): Promise<string> {
  const input = field(page, 'Tjenestemottaker');
  await input.click();
  const option = page.getByRole('option').filter({ hasText: /år,/ }).first();
  await expect(option).toBeVisible();
  const name = (await option.getAttribute('label')) ?? '';
  await option.click();
  await page.getByRole('button', { name: 'Legg til i gruppen' }).click();
  return name;
}

/** Presses Tab until `target` has focus (the keyboard-only path: no clicks). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the element was not reached by Tab');
}

test('a coordinator fills a group to six members; a seventh is refused in words', async ({
  page,
  baseURL,
}) => {
  const { other, group } = await pickGroup(baseURL!, (groups) =>
    [...groups].sort((a, b) => b.memberCount - a.memberCount).find((g) => g.memberCount < 6),
  );
  await other.api.dispose();
  await signInAsCoordinator(page);
  await page.goto(`/grupper/${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
  await expect(membersTable(page).getByRole('row')).toHaveCount(group.memberCount + 1);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);

  for (let count = group.memberCount + 1; count <= 6; count++) {
    const name = await addFirstCandidate(page);
    await expect(page.getByText(new RegExp(`${name} er lagt til på plass \\d`))).toBeVisible();
    await expect(membersTable(page).getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByText('6 av 6')).toBeVisible();
  await expect(page.getByText('Gruppen har 6 medlemmer, som er det høyeste.')).toBeVisible();
  await expectAccessible(page);

  // The seventh: the API refuses (group_full), and the page says so beside the field, naming the person.
  const seventh = await addFirstCandidate(page);
  await expect(page.getByText(`${seventh}: Gruppen er full (høyst 6 medlemmer).`)).toBeVisible();
  await expect(membersTable(page).getByRole('link', { name: seventh })).toHaveCount(0);
  await expectAccessible(page);
  await reflowsAt320(page);
});

test('by keyboard alone: a member taken out of an active group of three sends it back to forming; another is added and the group started', async ({
  page,
  baseURL,
}) => {
  const { other, group } = await pickGroup(
    baseURL!,
    (groups) =>
      groups.find((g) => g.memberCount === 3 && g.contacts.length > 0) ??
      groups.find((g) => g.memberCount > 3 && g.memberCount < 6 && g.contacts.length > 0),
  );
  // Down to three members through the API first, when the demo has no group of three left.
  for (const member of group.members.slice(3)) {
    const removed = await other.api.delete(`/groups/${group.id}/members/${member.id}`, {
      headers: other.headers,
    });
    expect(removed.status(), await removed.text()).toBe(200);
  }
  await other.api.dispose();
  await signInAsCoordinator(page);
  await page.goto(`/grupper/${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const leaving = group.members[0];
  const leavingName = `${leaving.firstName} ${leaving.lastName}`;
  await tabTo(page, page.getByRole('button', { name: `Ta ${leavingName} ut av gruppen` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByRole('heading', { name: `Ta ${leavingName} ut av «${group.name}»?` }),
  ).toBeVisible();
  await expect(dialog).toContainText('settes tilbake til «Under oppstart»');
  await expectAccessible(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Ja, ta ut av gruppen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${leavingName} er tatt ut av gruppen.`)).toBeVisible();
  await expect(
    page.getByText(
      'Gruppen har nå 2 medlemmer. En aktiv gruppe må ha minst 3, så gruppen er satt tilbake til «Under oppstart».',
    ),
  ).toBeVisible();
  await expect(page.getByText('Under oppstart', { exact: true })).toBeVisible();
  await expect(page.getByText('En gruppe må ha minst 3 medlemmer.')).toBeVisible();
  await expectAccessible(page);

  // Add one by the suggestion: type, arrow down to the first, Enter; then the add button.
  const input = field(page, 'Tjenestemottaker');
  await tabTo(page, input);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option').filter({ hasText: /år,/ }).first()).toBeVisible();
  // The first arrow opens the list, the second makes its first option the active one.
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(input).not.toHaveValue('');
  const newName = await input.inputValue();
  await tabTo(page, page.getByRole('button', { name: 'Legg til i gruppen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(new RegExp(`${newName} er lagt til på plass \\d`))).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Start gruppen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Gruppen er startet.')).toBeVisible();
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await reflowsAt320(page);
});

test('a change another coordinator saved first is explained, the fresh version loaded and the own edit kept', async ({
  page,
  baseURL,
}) => {
  const { other, group } = await pickGroup(baseURL!, (groups) => groups[groups.length - 1]);
  const postalCode = group.postalCode === '0651' ? '0652' : '0651';
  await signInAsCoordinator(page);
  await page.goto(`/grupper/${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
  await page.getByRole('button', { name: 'Endre navn, interesser og møtested' }).click();
  await expect(page.getByLabel('Navn på gruppen')).toHaveValue(group.name);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);

  // Meanwhile, at another desk: a new name, saved with the version both read.
  const theirName = `${group.name} (ny)`;
  const changed = await other.api.patch(`/groups/${group.id}`, {
    data: { name: theirName },
    headers: { ...other.headers, 'If-Match': String(group.version) },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await other.api.dispose();

  await page.getByLabel('Møtested (postnummer)').fill(postalCode);
  await page.getByRole('button', { name: 'Lagre endringene' }).click();
  const conflict = page.getByText('Noen andre endret gruppen mens du redigerte');
  await expect(conflict).toBeVisible();
  await expect(page.getByText(`navn er nå: ${theirName}`)).toBeVisible();
  await expect(
    page.getByText(
      'Endringene dine står fortsatt i skjemaet og er ikke lagret; resten av skjemaet viser den nye versjonen.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Møtested (postnummer)')).toHaveValue(postalCode);
  await expect(page.getByLabel('Navn på gruppen')).toHaveValue(theirName);
  await expect(page.getByRole('heading', { level: 1, name: theirName })).toBeVisible();
  await expectAccessible(page);

  // Saved again against the fresh version: their name stays, the postal code is this coordinator's.
  await page.getByRole('button', { name: 'Lagre endringene' }).click();
  await expect(page.getByText('Endringene er lagret.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: theirName })).toBeVisible();
  await expect(page.getByText(postalCode, { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('a coordinator gives an active group its second contact seat and closes the group after confirming', async ({
  page,
  baseURL,
}) => {
  const { other, group } = await pickGroup(baseURL!, (groups) =>
    groups.find((g) => g.contacts.length === 1 && g.name !== groups[groups.length - 1].name),
  );
  await other.api.dispose();
  await signInAsCoordinator(page);
  await page.goto(`/grupper/${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Gi plass 2 til en støttekontakt' }),
  ).toBeVisible();

  // Without a contact chosen, the page says so; then one with room is picked from the suggestion.
  await page.getByRole('button', { name: 'Legg til støttekontakten' }).click();
  await expect(page.getByText('Velg en støttekontakt.')).toBeVisible();
  await field(page, 'Støttekontakt').click();
  const option = page
    .getByRole('option')
    .filter({ hasText: /tjenestemottakere/ })
    .first();
  await expect(option).toBeVisible();
  const contactName = (await option.getAttribute('label')) ?? '';
  await option.click();
  await page.getByRole('button', { name: 'Legg til støttekontakten' }).click();
  await expect(page.getByText(`${contactName} er lagt til som støttekontakt for gruppen.`)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Støttekontakter i gruppen' }).getByRole('link', { name: contactName }),
  ).toBeVisible();
  await expect(page.getByText('Begge plassene for støttekontakter er tatt (høyst 2).')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Avslutt gruppen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Avslutte «${group.name}»?` })).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Aktiv', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Avslutt gruppen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, avslutt gruppen' }).click();
  await expect(page.getByText('Gruppen er avsluttet.', { exact: true })).toBeVisible();
  await expect(page.getByText('Avsluttet', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ta ut', exact: false })).toHaveCount(0);
  await expect(field(page, 'Tjenestemottaker')).toHaveCount(0);
  await expectAccessible(page);
  await reflowsAt320(page);
});
