// The static first screen of index.html (#shell, assets/shell.js), drawn
// before the WebAssembly arrives (for an early first and largest paint). It
// must say what the app says, in the person's language, for the page the
// address names, and give way to the app with nothing lost.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

// A page the service worker controls would take the WebAssembly from its
// cache, out of reach of `page.route`.
test.use({ serviceWorkers: 'block' });

/** What the first screen shows, read with the WebAssembly held back. */
async function firstScreen(page: Page, address: string) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(address);
  const shown = await visibleTexts(page, '#shell');
  release();
  return shown;
}

/** The visible header, navigation, introduction and footer under `root`. */
function visibleTexts(page: Page, root: string) {
  return page.evaluate((root) => {
    const visible = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(`${root} ${selector}`)]
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => el.textContent?.trim() ?? '');
    return {
      lang: document.documentElement.lang,
      brand: visible('.brand'),
      signIn: visible('.topbar .sign-in-link'),
      trainer: visible('.trainer-toggle'),
      nav: visible('.nav a'),
      current: [...document.querySelectorAll<HTMLElement>(`${root} .nav a`)]
        .filter((a) => a.offsetParent !== null && getComputedStyle(a).fontWeight === '600')
        .map((a) => a.textContent?.trim()),
      heading: visible('main h1'),
      lead: visible('main .lead'),
      quote: visible('main .source-quote'),
      footer: visible('.footer'),
    };
  }, root);
}

for (const lang of ['en', 'fr'] as const) {
  test(`the first screen says what the app says, in ${lang}, then gives way to it`, async ({ page }) => {
    const shown = await firstScreen(page, `./?lang=${lang}#/`);
    expect(shown.lang).toBe(lang);
    expect(shown.heading).toHaveLength(1);
    expect(shown.lead).toHaveLength(1);
    expect(shown.quote).toHaveLength(1);
    expect(shown.footer).toHaveLength(1);
    await expect(page.locator('#shell')).toHaveCount(0);
    await expect(page.locator('#app')).toBeVisible();
    const app = await visibleTexts(page, '#app');
    expect(shown).toEqual(app);
  });
}

test('on a deep link the first screen shows that page in the navigation, and no home introduction', async ({ page }) => {
  const shown = await firstScreen(page, './?lang=fr#/skills-report');
  expect(shown.current).toEqual(['Rapport des qualifications']);
  expect(shown.heading).toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport des qualifications');
});

test('a signed-in person is not offered Sign in on the first screen, and is still signed in after', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  const shown = await firstScreen(page, './?lang=en#/profile');
  expect(shown.signIn).toEqual([]);
  expect(shown.nav).toContain('My Profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My Profile');
  await expect(page.locator('header .who-name')).toHaveText('Priya Patel');
});

test('the WebAssembly is fetched only once the first screen has been drawn', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#shell')).toHaveCount(0);
  const order = await page.evaluate(() => {
    const painted = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
    return { painted, wasmFetched: wasm?.fetchStart ?? -1, preloaded: !!document.querySelector('link[href$="_bg.wasm"]') };
  });
  expect(order.preloaded).toBe(false);
  expect(order.wasmFetched).toBeGreaterThanOrEqual(order.painted);
});

test('when the WebAssembly cannot load, the first screen says so in the person’s language', async ({ page, consoleErrors }) => {
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto('./?lang=fr#/');
  const failed = page.getByRole('alert');
  await expect(failed).toHaveText(/^Certlink n’a pas pu démarrer\u00a0: .* rechargez la page\./, { useInnerText: true });
  await expect(failed).not.toContainText('could not start', { useInnerText: true });
  // The failed load is this test's own doing.
  expect(consoleErrors.length).toBeGreaterThan(0);
  consoleErrors.length = 0;
  // The first screen alone has no landmark for axe to find: leave it.
  await page.goto('about:blank');
});

test('once the app is up, no message of a failed start is left in the page', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('#start-failed')).toHaveCount(0);
});
