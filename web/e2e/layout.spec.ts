import { expect, test } from '@playwright/test';
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
