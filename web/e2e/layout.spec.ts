import { expect, request, test } from '@playwright/test';
import { expectAccessible, signInAsCoordinator } from './support';

test('pages reflow at 320 CSS px without scrolling the page sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await signInAsCoordinator(page);
  for (const path of ['/', '/forslag', '/introduksjoner', '/oppdrag', '/tilgjengelighetserklaering']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test('the accessibility statement is public and accessible, in bokmål and English', async ({ page }) => {
  await page.goto('/tilgjengelighetserklaering');
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
});

test('the introductions list is accessible and an unknown page says so', async ({ page }) => {
  await signInAsCoordinator(page);
  await page.goto('/introduksjoner');
  await expect(page.getByRole('heading', { level: 1, name: 'Introduksjonsmøter' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
  await page.goto('/finnes-ikke');
  await expect(page.getByRole('heading', { level: 1, name: 'Siden finnes ikke' })).toBeVisible();
  await expectAccessible(page);
});

test('on a phone the staff menu folds behind a button, by keyboard too, and table captions wrap', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsCoordinator(page);
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  const menu = nav.getByRole('button', { name: 'Meny' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Timelister' })).toBeHidden();
  const header = await page.locator('header').boundingBox();
  expect(header!.height, 'the header leaves the page its screen').toBeLessThan(844 / 3);
  await expectAccessible(page);

  // By keyboard: open with Enter, close with Escape (focus back on the button), open again and follow a link.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('button', { name: 'Lukk menyen' })).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Timelister' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(nav.getByRole('link', { name: 'Timelister' })).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Timelister' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Timelister' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Timelister' })).toBeHidden();

  // The table's caption wraps within the screen instead of running off it with the columns.
  const table = page.getByRole('table', { name: /./ });
  await expect(table).toBeVisible();
  const caption = page.locator('.data-table__caption');
  const box = await caption.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  // On a wide screen the links are in view and there is no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(nav.getByRole('link', { name: 'Timelister' })).toBeVisible();
  await expect(nav.getByRole('button')).toHaveCount(0);
});

test('staff make, renew and revoke their calendar feed on Introduksjonsmøter', async ({ page }) => {
  await signInAsCoordinator(page);
  await page.goto('/introduksjoner');
  await expect(page.getByRole('heading', { level: 2, name: 'Kalender i mobilen' })).toBeVisible();
  await page.getByRole('button', { name: 'Lag kalenderlenke' }).click();
  const field = page.getByLabel('Kalenderlenken din');
  await expect(field).toHaveValue(/\/calendar-feeds\/feed\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  const first = await field.inputValue();
  const feed = await page.request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
  await page.getByRole('button', { name: 'Lag ny lenke' }).click();
  await expect(field).not.toHaveValue(first);
  expect((await page.request.get(first)).status()).toBe(404);
  await page.reload();
  await expect(page.getByText(/Du har en kalenderlenke fra/)).toBeVisible();
  await page.getByRole('button', { name: 'Slå av kalenderlenken' }).click();
  await expect(page.getByText('Kalenderlenken er slått av.')).toBeVisible();
  await expectAccessible(page);
});

test('the roster shows when a støttekontakt is away', async ({ page, baseURL }) => {
  const demoContact = '5e7d0001-0000-4000-8000-000000000001';
  const day = (days: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(
      new Date(Date.now() + days * 86_400_000),
    );
  const api = await request.newContext({ baseURL });
  const signedIn = await api.post('/auth/demo-login', { data: { persona: 'contact' } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const added = await api.post('/contacts/me/absences', {
    data: { startsOn: day(60), endsOn: day(65) },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(added.status(), await added.text()).toBe(201);
  await api.dispose();

  await signInAsCoordinator(page);
  await page.goto(`/stottekontakter/${demoContact}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Fravær' })).toBeVisible();
  const nb = (iso: string) => iso.split('-').reverse().join('.');
  await expect(page.getByRole('list', { name: /^Fravær for / })).toContainText(
    `${nb(day(60))}–${nb(day(65))}`,
  );
  await expectAccessible(page);
});
