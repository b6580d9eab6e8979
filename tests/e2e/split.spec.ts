// The release build's second WebAssembly file (app.rs `Later`, issue 7):
// the first steps load without it, the other pages, the trainer panel and
// the tours fetch it once, and a failed fetch says so and can be retried.
import { test, expect } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

const LATER = /\/split_later-[0-9a-f]{16}\.wasm$/;

// No service worker here: its install fetches every file of the build
// for offline use (embedding.spec.ts), which would hide the page's own.
test.use({ serviceWorkers: 'block' });

test('home, sign in and My Profile load without the later file; the first later page fetches it, once', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (LATER.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  const app = new CertlinkPage(page);
  await app.open('#/');
  await app.signIn('priya@contoso.com');
  await expect(app.heading).toHaveText('My Profile');
  expect(fetched).toEqual([]);
  await app.navigate('FAQ');
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await app.navigate('Support');
  await expect(page.getByLabel('A question about merging MCIDs')).toBeVisible();
  await page.getByRole('button', { name: 'Trainer' }).click();
  await expect(page.getByRole('complementary', { name: 'Trainer panel' })).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('a later page whose file does not arrive says so in French, and Réessayer fetches it again', async ({ page, consoleErrors }) => {
  await page.route(LATER, (route) => route.abort());
  const app = new CertlinkPage(page);
  await app.open('#/faq', 'fr');
  await expect(app.heading).toHaveText('Cette page ne s’est pas chargée');
  await expect(app.alert).toContainText('Vérifiez la connexion, puis réessayez. Votre scénario n’a pas changé.');
  // The browser and the loader each log the failed fetch; nothing else may.
  expect(consoleErrors.length).toBeGreaterThan(0);
  expect(consoleErrors.filter((error) => !/split_later|Failed to fetch|ERR_FAILED/.test(error))).toEqual([]);
  consoleErrors.splice(0);
  await page.unroute(LATER);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await expect(app.heading).not.toHaveText('Cette page ne s’est pas chargée');
});

test('in English, a trainer panel whose file does not arrive says so, and Try again brings the panel', async ({ page, consoleErrors }) => {
  await page.route(LATER, (route) => route.abort());
  const app = new CertlinkPage(page);
  await app.open('#/');
  await page.getByRole('button', { name: 'Trainer' }).click();
  await expect(page.getByRole('alert')).toContainText('This part of Certlink is fetched the first time it is shown, and the fetch failed');
  consoleErrors.splice(0);
  await page.unroute(LATER);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('complementary', { name: 'Trainer panel' })).toBeVisible();
});

test('while the later file is on its way, the page says it is loading, then shows the page', async ({ page }) => {
  let arrive = () => {};
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(LATER, async (route) => {
    await held;
    await route.continue();
  });
  const app = new CertlinkPage(page);
  await app.open('#/');
  await app.navigate('FAQ');
  const loading = page.getByRole('main').getByRole('status');
  await expect(loading).toHaveText('Loading this part of Certlink…');
  arrive();
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await expect(loading).toHaveCount(0);
});
