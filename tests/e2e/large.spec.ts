// The 10,000-person organisation: the skills report and the users list stay
// responsive (one page of rows is drawn), and the demo is saved apart, packed.
import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';
import { CertlinkPage } from './pages/certlink_page';

test('the 10,000-person skills report renders one page at a time', async ({ page }) => {
  test.slow();
  const app = new CertlinkPage(page);
  await page.goto('./?demo=large#/sign-in');
  await page.getByLabel('Work email').fill('admin@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/profile$/);
  const started = Date.now();
  await app.navigate('Skills report');
  await expect(page.getByText('Rows 1-50 of 35,000')).toBeVisible();
  const firstPageMs = Date.now() - started;
  await expect(page.getByRole('row')).toHaveCount(51);
  const next = Date.now();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Rows 51-100 of 35,000')).toBeVisible();
  const nextPageMs = Date.now() - next;
  console.log(`10k skills report: first page ${firstPageMs} ms, next page ${nextPageMs} ms`);
  await expect(page.getByText('Page 2 of 700')).toBeVisible();
  // The rows are drawn anew: the keyboard stays on Next.
  await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
  // Back on the first page, Previous is disabled: the keyboard goes to Next.
  await page.getByRole('button', { name: 'Previous' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Page 1 of 700')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
});

test('the 10,000-person audit timeline shows a page of changes at a time', async ({ page }) => {
  test.slow();
  await page.goto('./?demo=large#/timeline');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit timeline');
  await expect(page.locator('ol.timeline > li')).toHaveCount(50);
  const pager = page.getByRole('navigation', { name: 'Pages' });
  await expect(pager).toContainText(/Page 1 of \d{3}/);
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText(/Page 2 of/);
  // A filter starts at its first page.
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Contoso' });
  await expect(pager).toContainText(/Page 1 of \d{3}/);
  await expect(page.locator('ol.timeline > li')).toHaveCount(50);
});

test('the 10,000-person demo is saved apart, in under 2 MB, and a change in it survives a reload', async ({ page }) => {
  test.slow();
  const app = new CertlinkPage(page);
  // The person's own scenario first: Priya links her MCID.
  await app.signIn('priya@contoso.com');
  await app.associateMcid('priya.patel@outlook.com', 'Learn#2026');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  const own = await page.evaluate(() => localStorage.getItem('certlink.document'));

  await signIn(page, 'person1@contoso.com');
  await page.getByRole('button', { name: 'Remove access' }).click();
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  // Packed once in the background, then each change writes only a head.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('large-demo:certlink.document') ?? ''), { timeout: 20_000 })
    .toContain('McidUnlinked');
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('large-demo:'))
      .reduce((bytes, key) => bytes + key.length + (localStorage.getItem(key) ?? '').length, 0),
  );
  console.log(`10k demo stored: ${(stored / 1e6).toFixed(2)} MB`);
  expect(stored).toBeLessThan(2_000_000);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  await page.goto('./?demo=large#/data');
  await expect(page.getByRole('status').filter({ hasText: 'saved apart from your own scenario' })).toBeVisible();
  // Too large for a restore point: a reset says so before it replaces it.
  await page.getByRole('button', { name: 'Reset to demo data' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('too large to be kept as a restore point: export it first');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  // The person's own scenario is untouched: Priya's link is still there.
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toBe(own);
  await page.goto('./#/profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
});

async function signIn(page: Page, email: string) {
  await page.goto('./?demo=large#/sign-in');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/profile/);
}

/** The stored head of the 10,000-person demo. */
const head = (page: Page) => page.evaluate(() => localStorage.getItem('large-demo:certlink.document') ?? '');
const updated = (page: Page) => page.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' });
const partKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('large-demo:certlink.part.')));

test('two tabs on the 10,000-person demo see each other’s changes, and neither loses work', async ({ context }) => {
  test.slow();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await signIn(a, 'person1@contoso.com');
  // A packs the organisation once; B then opens that save.
  await expect.poll(() => head(a), { timeout: 20_000 }).toContain('"continues"');
  await signIn(b, 'person3@contoso.com');

  await a.getByRole('button', { name: 'Remove access' }).click();
  await expect(updated(b)).toBeVisible();
  await b.getByRole('button', { name: 'Remove access' }).click();
  await expect(b.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  // A takes B's change and says whose it is (A's notice may already show
  // an earlier update: it is the one naming person3 that counts).
  await expect(updated(a)).toContainText('person3@contoso.com');
  // Both changes are in the one save (a write of B's reaches A's view of
  // localStorage a moment later), and each tab shows them after a reload.
  await expect.poll(() => head(a)).toMatch(/"person3@contoso.com","McidUnlinked"/);
  expect(await head(a)).toMatch(/"person1@contoso.com","McidUnlinked"/);
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  }
});

test('a 10,000-person file imported in one tab reaches the other, which unpacks it in the background', async ({ context }) => {
  test.slow();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await signIn(a, 'person1@contoso.com');
  await expect.poll(() => head(a), { timeout: 20_000 }).toContain('"continues"');
  await signIn(b, 'person1@contoso.com');
  const firstPart = await partKeys(a);
  expect(firstPart).toHaveLength(1);

  await a.goto('./?demo=large#/data');
  const download = a.waitForEvent('download');
  await a.getByRole('button', { name: 'Export to a file' }).click();
  const exported = await (await download).path();
  await a.goto('./?demo=large#/profile');
  await a.getByRole('button', { name: 'Remove access' }).click();
  await expect(b.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();

  // The file (person 1 still linked) is to replace the scenario, too large
  // for a restore point: nothing is replaced until the person says so.
  await a.goto('./?demo=large#/data');
  await a.getByLabel('Choose a Certlink file').setInputFiles(exported);
  const refusal = a.getByRole('main').getByRole('alert');
  await expect(refusal).toContainText('Nothing was replaced: the scenario open now is too large to be kept as a restore point');
  await expect(b.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  expect(await partKeys(a)).toEqual(firstPart);
  // Replaced anyway: a new part.
  await refusal.getByRole('button', { name: 'Replace it anyway' }).click();
  await expect(a.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText('Imported: 10,001 work accounts');
  await expect(a.getByRole('heading', { level: 1 }), 'the keyboard goes to the page').toBeFocused();
  await expect.poll(() => partKeys(a), { timeout: 20_000 }).not.toEqual(firstPart);
  expect(await partKeys(a), 'the part before is removed').toHaveLength(1);
  await expect(b.getByRole('button', { name: 'Remove access' })).toBeVisible({ timeout: 20_000 });
  await expect(updated(b)).toBeVisible();
});

test('two tabs opened at once on an empty store: the first save wins, the other takes it, nothing conflicts', async ({ context }) => {
  test.slow();
  const [a, b] = [await context.newPage(), await context.newPage()];
  // Both build the organisation and pack it; one of them saves first.
  await Promise.all([a.goto('./?demo=large#/data'), b.goto('./?demo=large#/data')]);
  await expect.poll(() => head(a), { timeout: 30_000 }).toContain('"continues"');
  // The part the save names is there. (Two tabs writing within the same
  // instant may each see no save yet and leave one orphan part: it goes at
  // a later start-up, after a minute's grace; see remove_stale_parts.)
  await expect
    .poll(async () => {
      const named = /"continues":\{"key":"([^"]+)"/.exec(await head(a))?.[1];
      return named !== undefined && (await partKeys(a)).includes(named);
    }, { timeout: 30_000 })
    .toBe(true);
  for (const page of [a, b]) {
    await expect(page.getByRole('status').filter({ hasText: 'saved apart from your own scenario' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  // Neither is still packing its own (a change made while a tab says
  // Saving… is a change of its own demo, which meets the other save), nor
  // opening the other's (the page asks to wait: a change made meanwhile
  // meets it). On a loaded machine a tab may finish building its demo, and
  // so start either, a while after the other tab's save: both must have
  // said neither for three seconds together.
  const busy = (page: Page) =>
    page.getByRole('status').filter({ hasText: /^(Saving…|Opening the saved scenario)/ }).count();
  let quietSince = Date.now();
  await expect
    .poll(async () => {
      if ((await busy(a)) + (await busy(b)) > 0) quietSince = Date.now();
      return Date.now() - quietSince;
    }, { timeout: 45_000, intervals: [100] })
    .toBeGreaterThanOrEqual(3_000);
  // Both are on the one save that won (the second took it, or, on a busy
  // machine, opened after it and read it): either tab's change is saved
  // (the store is the tabs' one localStorage) and taken by the other, which
  // says so, and neither says a conflict.
  await signIn(b, 'person5@contoso.com');
  await b.getByRole('button', { name: 'Remove access' }).click();
  await expect.poll(() => head(a), { timeout: 20_000 }).toMatch(/"person5@contoso.com","McidUnlinked"/);
  await expect(updated(a)).toBeVisible({ timeout: 20_000 });
  await signIn(a, 'person6@contoso.com');
  await a.locator('[data-tour="remove-access"]').click();
  await expect.poll(() => head(b), { timeout: 20_000 }).toMatch(/"person6@contoso.com","McidUnlinked"/);
  await expect(updated(b)).toBeVisible({ timeout: 20_000 });
  for (const page of [a, b]) await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the 10,000-person users list shows a page at a time; a delete marks its line, and the pager moves on', async ({ page }) => {
  test.slow();
  await page.goto('./?demo=large#/sign-in');
  await page.getByLabel('Work email').fill('admin@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/profile$/);
  await page.goto('./?demo=large#/users');
  const all = page.getByRole('region', { name: 'All users' });
  await expect(all.locator('li.user')).toHaveCount(50);
  await expect(all.getByRole('status')).toContainText('Rows 1-50 of ');
  const line = all.locator('li.user').filter({ has: page.getByRole('button', { name: /^Delete account:/ }) }).first();
  const name = await line.locator('strong').textContent();
  await line.getByRole('button', { name: /^Delete account:/ }).click();
  await line.getByRole('button', { name: 'Yes, delete the account' }).click();
  const deleted = all.locator('li.user').filter({ has: page.locator('strong', { hasText: name ?? '' }) });
  await expect(deleted).toHaveClass(/deleted/);
  await all.getByRole('button', { name: 'Next' }).focus();
  // The rows now shown are said in the status region already there.
  await page.evaluate(() => document.querySelectorAll('main [role=status]').forEach((e) => e.setAttribute('data-before', '')));
  await page.keyboard.press('Enter');
  await expect(all.getByRole('status')).toContainText('Rows 51-100 of ');
  await expect(all.locator('[role=status][data-before]')).toContainText('Rows 51-100 of ');
  await expect(all.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of ');
  // The keyboard is still on Next, to go on.
  await expect(all.getByRole('button', { name: 'Next' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(all.getByRole('navigation', { name: 'Pages' })).toContainText('Page 3 of ');
  await expectAccessible(page);
});

test('a large import still being packed when a built-in case opens is saved in the person’s own scenario, and is there on the way back', async ({ context }) => {
  test.slow();
  const exporter = await context.newPage();
  await exporter.goto('./?demo=large#/data');
  await expect.poll(() => head(exporter), { timeout: 30_000 }).toContain('"continues"');
  const download = exporter.waitForEvent('download');
  await exporter.getByRole('button', { name: 'Export to a file' }).click();
  const exported = await (await download).path();
  await exporter.close();

  // This page's packs wait until the test lets them go, so the case opens
  // while the import is still being packed, whatever the machine's speed.
  const page = await context.newPage();
  await page.addInitScript(() => {
    const held = new Promise((release) => Object.assign(window, { releasePacks: release }));
    const Browsers = window.CompressionStream;
    window.CompressionStream = class extends Browsers {
      get readable() {
        return super.readable.pipeThrough(new TransformStream({ start: () => held }));
      }
    };
  });
  await page.goto('./#/data');
  await page.getByLabel('Choose a Certlink file').setInputFiles(exported);
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText('Imported: 10,001 work accounts');
  const saving = page.getByRole('status').filter({ hasText: /^Saving…/ });
  await expect(saving).toBeVisible();

  const app = new CertlinkPage(page);
  await app.loadCase();
  const apart = app.caseNotice;
  // The pack ends during the case: the import is saved where it was made.
  await page.evaluate(() => (window as unknown as { releasePacks: () => void }).releasePacks());
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('certlink.document') ?? ''), { timeout: 20_000 })
    .toContain('"continues"');
  await expect(apart).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await apart.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(apart).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('./#/sign-in');
  await page.getByLabel('Work email').fill('person1@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  // Person 1 is one of the imported 10,000: the import is the scenario.
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/profile/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My Profile');
  // And a reload reads it back from the store: 10,000 people unpacked and
  // read, and the trainer panel's persona list of 10,001 drawn, which on a
  // busy 2-core machine takes longer than the usual wait.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My Profile', { timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
