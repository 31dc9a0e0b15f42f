import { expect, type Page, request, test } from '@playwright/test';
import { expectAccessible, signInAsCoordinator } from './support';

/** A completed run of the demo municipality, started through the API as the coordinator's button would. */
async function completedRun(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  const signedIn = await api.post('/auth/demo-login', { data: { persona: 'coordinator' } });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const started = await api.post('/matching-runs', { headers: { 'X-CSRF-Token': csrfToken } });
  // Another spec's run may be on its way: follow that one instead.
  const body = (await started.json()) as { id?: string; context?: { runId?: string } };
  const id = body.id ?? body.context?.runId;
  expect(id, await started.text()).toBeTruthy();
  await expect
    .poll(async () => ((await (await api.get(`/matching-runs/${id}`)).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe('completed');
  await api.dispose();
}

async function reflowsAt320(page: Page): Promise<void> {
  await page.setViewportSize({ width: 320, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a coordinator sees whom to recruit for those waiting, on a map, in a table and as an ad', async ({
  page,
  baseURL,
}) => {
  await completedRun(baseURL as string);
  await signInAsCoordinator(page);
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Rekruttering' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rekruttering' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: /^Rekrutteringsbehovet etter matchingen/ }),
  ).toBeVisible();

  const table = page.getByRole('table', {
    name: 'Støttekontakter å rekruttere, den som hjelper flest først',
  });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText(/brukere? i /);
  await expect(page.getByRole('img', { name: /Kart over kommunen/ })).toBeVisible();
  const ad = page.getByRole('textbox', { name: 'Annonsetekst, klar til å kopiere' });
  await expect(ad).toHaveValue(/^Vil du bli støttekontakt\?/);
  await expect(ad).toHaveValue(/politiattest/);
  await expectAccessible(page);
  await reflowsAt320(page);

  // From the dashboard's last run, the way there is one link away.
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oversikt' }).click();
  await page.getByRole('link', { name: 'Hvem bør vi rekruttere for dem som venter?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rekruttering' })).toBeVisible();
});
