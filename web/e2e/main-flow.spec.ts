import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, openMeetingHoursAroundTheClock, signInAsCoordinator, soonInOslo } from './support';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ baseURL }) => openMeetingHoursAroundTheClock(baseURL ?? ''));

/** Book a meeting that begins at the next whole minute, and wait until it has begun. */
async function bookSoonAndWait(page: Page, choose: (label: string) => Promise<void>) {
  const soon = soonInOslo();
  await choose('Et annet tidspunkt');
  await page.getByLabel('Dato').fill(soon.day);
  await page.getByLabel('Klokkeslett').fill(soon.time);
  return soon;
}

test('a coordinator goes from the waiting list to a started assignment', async ({ page }) => {
  await signInAsCoordinator(page);
  await expect(page.getByRole('table', { name: /Tjenestemottakere som venter/ })).toBeVisible();
  await expectAccessible(page);

  // Forslag: start a run and watch it finish.
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Forslag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forslag' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start matching nå' }).click();
  await expect(page.getByText('Matchingen er ferdig.')).toBeVisible({ timeout: 120_000 });
  const proposals = page.getByRole('table', { name: /Åpne forslag/ });
  await expect(proposals.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page);

  // Review the best proposal (the first row) and accept it.
  const best = proposals.getByRole('row').nth(1);
  const user = (await best.getByRole('cell').nth(0).innerText()).trim();
  const contact = (await best.getByRole('cell').nth(1).innerText()).trim();
  await expect(best.getByRole('cell').nth(3)).toContainText('km unna');
  await best.getByRole('button', { name: 'Godta forslag' }).click();

  // Introduksjonsmøte: the suggested times are there; book one a minute from now instead.
  await expect(
    page.getByRole('heading', { level: 1, name: `Introduksjonsmøte: ${user} og ${contact}` }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Velg møtetid' })).toBeVisible();
  await expectAccessible(page);
  const soon = await bookSoonAndWait(page, (label) => page.getByRole('radio', { name: label }).check());
  await page.getByRole('button', { name: 'Book møtet' }).click();
  await expect(page.getByText('Møte avtalt', { exact: true })).toBeVisible();
  await expect(page.getByText(`kl. ${soon.time}–`)).toBeVisible();
  await expectAccessible(page);

  // Once the meeting has begun, record that both go on: the assignment starts.
  await page.waitForTimeout(Math.max(0, soon.at.getTime() - Date.now() + 1000));
  await expect(page.getByRole('group', { name: 'Vil begge fortsette?' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('radio', { name: 'Ja, oppdraget starter' }).check();
  await page.getByRole('button', { name: 'Registrer utfallet' }).click();
  await expect(page.getByRole('heading', { name: 'Oppdraget er startet' })).toBeVisible();
  await expectAccessible(page);

  // The assignment is in the Oppdrag list.
  await page.getByRole('link', { name: 'Se oppdragene' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oppdrag' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Aktive oppdrag' })
      .getByRole('row')
      .filter({ hasText: user })
      .filter({ hasText: contact }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('the main flow works by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/logg-inn/);
  // The skip link is the first thing the keyboard reaches.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til hovedinnhold' })).toBeFocused();

  async function tabTo(locator: ReturnType<Page['getByRole']>, max = 80) {
    for (let i = 0; i < max; i++) {
      if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${locator.toString()}`);
  }

  await tabTo(page.getByRole('button', { name: /\(Koordinator\)/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();

  await tabTo(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Forslag' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Forslag' })).toBeVisible();
  const proposals = page.getByRole('table', { name: /Åpne forslag/ });
  await expect(proposals.getByRole('row').nth(1)).toBeVisible();
  const best = proposals.getByRole('row').nth(1);
  const user = (await best.getByRole('cell').nth(0).innerText()).trim();
  const contact = (await best.getByRole('cell').nth(1).innerText()).trim();
  await tabTo(best.getByRole('button', { name: 'Godta forslag' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`Introduksjonsmøte: ${user}`) }),
  ).toBeVisible();

  const soon = await bookSoonAndWait(page, async (label) => {
    const first = page.getByRole('radio').first();
    await tabTo(first);
    // Arrow keys move within the radio group; the last option is "another time".
    const radios = page.getByRole('radio');
    const count = await radios.count();
    for (let i = 0; i < count - 1; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: label })).toBeChecked();
  });
  await tabTo(page.getByRole('button', { name: 'Book møtet' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Møte avtalt', { exact: true })).toBeVisible();

  await page.waitForTimeout(Math.max(0, soon.at.getTime() - Date.now() + 1000));
  const yes = page.getByRole('radio', { name: 'Ja, oppdraget starter' });
  await expect(yes).toBeVisible({ timeout: 30_000 });
  await tabTo(yes);
  await page.keyboard.press('Space');
  await expect(yes).toBeChecked();
  await tabTo(page.getByRole('button', { name: 'Registrer utfallet' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Oppdraget er startet' })).toBeVisible();
  await tabTo(page.getByRole('link', { name: 'Se oppdragene' }));
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('table', { name: 'Aktive oppdrag' })
      .getByRole('row')
      .filter({ hasText: user })
      .filter({ hasText: contact }),
  ).toBeVisible();
});
