import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, request } from '@playwright/test';

/** Zero axe-core violations for WCAG 2.0, 2.1 and 2.2 A and AA on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  // A dialog fading in is, for a moment, text of too little contrast: judge the page once it has settled.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** The demo coordinator signs in with one click on the sign-in page. */
export async function signInAsCoordinator(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/logg-inn/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /\(Koordinator\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oversikt' })).toBeVisible();
}

/**
 * The next whole minute at least `leadSeconds` away, as Oslo date and time for the booking fields, and the
 * instant itself: the outcome can be recorded only once the meeting has begun.
 */
export function soonInOslo(leadSeconds = 8): { day: string; time: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + leadSeconds * 1000) / 60_000) * 60_000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    at,
  };
}

/**
 * The flows book a meeting a minute from now so that its outcome can be recorded at once; the demo
 * municipality's meeting hours (Mon–Fri 08–16) would refuse that outside office hours. The demo admin opens
 * them around the clock through the settings API, as a municipality would.
 */
export async function openMeetingHoursAroundTheClock(baseURL: string): Promise<void> {
  const api = await request.newContext({ baseURL });
  const signedIn = await api.post('/auth/demo-login', { data: { persona: 'admin' } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const meetingHours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
    day,
    start: '00:00',
    end: '23:59',
  }));
  const changed = await api.patch('/municipality/settings', {
    data: { meetingHours },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await api.dispose();
}
