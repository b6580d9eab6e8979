// The release build's split WebAssembly. The later file
// (`views::LaterView`, `lazy::File::Later`), with its stylesheet: home
// loads without them; sign in, My Profile, the other pages,
// the trainer panel and the tours fetch it once (as soon as a pointer or
// the keyboard reaches a link or a button, or at the start on their
// address), and a failed fetch says so and can be retried. The reader file (session::reader): a first visit starts and
// saves without it; what reads a save or a file waits for it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, settled } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD, WORK_PASSWORD } from './pages/certlink_page';

const LATER = /\/split_later-[0-9a-f]{16}\.wasm$/;
const READER = /\/split_reader-[0-9a-f]{16}\.wasm$/;
const LATER_STYLE = /\/style-later-[0-9a-f]{16}\.css$/;
/** Holds back the fetches of `file` until the returned function is called. */
async function holdBack(page: Page, file: RegExp): Promise<() => void> {
  let arrive = () => {};
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(file, async (route) => {
    await held;
    await route.continue();
  });
  return arrive;
}
/** The scenario as this origin's storage holds it, byte for byte. */
const savedDocument = (page: Page) => page.evaluate(() => localStorage.getItem('certlink.document'));
/** Another tab opens, links Priya's MCID, and its save is returned. */
async function linkPriyaInAnotherTab(context: BrowserContext) {
  const a = await context.newPage();
  await new CertlinkPage(a).linkPriya();
  return savedDocument(a);
}
/** The failed fetch of `file`, as the browser and the loader log it
 *  (a network error, or a file the server no longer has). */
const onlyFailedFetches = (errors: string[], file: string) =>
  errors.filter((error) => !new RegExp(`${file}|Failed to fetch|ERR_FAILED|status of 404|HTTP status code is not ok`).test(error));

// No service worker here: its install fetches every file of the build
// for offline use (embedding.spec.ts), which would hide the page's own.
test.use({ serviceWorkers: 'block' });

/** Every fetch of `file` from now on, by address. */
function fetchesOf(page: Page, file: RegExp): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (file.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  return fetched;
}

test('home loads without the later file; a pointer over a link fetches it, and sign in, My Profile and the other later parts share that one fetch', async ({ page }) => {
  const fetched = fetchesOf(page, LATER);
  const app = new CertlinkPage(page);
  await app.open('#/');
  await expect(page.getByRole('heading', { name: 'Link or unlink your MCID, step by step' })).toBeVisible();
  // Reading home (the pointer over no link) fetches nothing more.
  await page.mouse.move(5, 300);
  await page.waitForTimeout(300);
  expect(fetched).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FAQ' }).hover();
  await expect.poll(() => fetched.length).toBe(1);
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Work email').fill('priya@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill(WORK_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(app.heading).toHaveText('My Profile');
  await app.navigate('FAQ');
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await page.getByRole('button', { name: 'Trainer' }).click();
  await expect(page.getByRole('complementary', { name: 'Trainer panel' })).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('from the keyboard, reaching a link fetches the later file before it is followed', async ({ page }) => {
  const fetched = fetchesOf(page, LATER);
  const app = new CertlinkPage(page);
  await app.open('#/');
  expect(fetched).toEqual([]);
  await page.keyboard.press('Tab');
  await expect.poll(() => fetched.length).toBe(1);
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Sign in to Partner Center');
  await expect(page.getByLabel('Work email')).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('an address of a later page (a returning visit to My Profile) fetches its file at the start, once', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  const fetched = fetchesOf(page, LATER);
  await page.reload();
  await expect(app.heading).toHaveText('My Profile');
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  expect(fetched).toHaveLength(1);
});

test('a later page whose file does not arrive (offline, or gone with a newer build) says so in French, and Réessayer fetches it again', async ({ page, consoleErrors }) => {
  // As a server answers once a newer build replaced this one's files.
  await page.route(LATER, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  const app = new CertlinkPage(page);
  await app.open('#/faq', 'fr');
  await expect(app.heading).toHaveText('Cette page ne s’est pas chargée');
  await expect(app.alert).toContainText('ou une version plus récente de Certlink a pris la place de celle-ci');
  await expect(app.alert).toContainText('si cela échoue encore, rechargez la page. Votre scénario n’a pas changé.');
  // The browser and the loader each log the failed fetch; nothing else may.
  expect(consoleErrors.length).toBeGreaterThan(0);
  expect(onlyFailedFetches(consoleErrors, 'split_later')).toEqual([]);
  consoleErrors.splice(0);
  await page.unroute(LATER);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await expect(app.heading).not.toHaveText('Cette page ne s’est pas chargée');
});

test('a later page whose stylesheet does not arrive is not drawn unstyled: it says so, and Try again brings it styled', async ({ page, consoleErrors }) => {
  await page.route(LATER_STYLE, (route) => route.abort());
  const app = new CertlinkPage(page);
  await app.open('#/faq/r12-moving-company');
  await expect(app.heading).toHaveText('This page did not load');
  await expect(page.locator('.faq-entry')).toHaveCount(0);
  // The browser logs the failed fetch, and the loader why the file failed.
  expect(onlyFailedFetches(consoleErrors, 'style-later|the later stylesheet did not load')).toEqual([]);
  consoleErrors.splice(0);
  await page.unroute(LATER_STYLE);
  await page.getByRole('button', { name: 'Try again' }).click();
  // The question the address names is drawn with the later sheet's outline.
  const selected = page.locator('.faq-entry.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).not.toHaveCSS('box-shadow', 'none');
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
  const arrive = await holdBack(page, LATER);
  const app = new CertlinkPage(page);
  await app.open('#/');
  await app.navigate('FAQ');
  // The FAQ keeps a status region of its own on the page (a search that
  // finds nothing): the loading message is the one to go.
  const loading = page.getByRole('main').getByRole('status').filter({ hasText: 'Loading this part of Certlink…' });
  await expect(loading).toHaveText('Loading this part of Certlink…');
  arrive();
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await expect(loading).toHaveCount(0);
});

test('a built-in case reloaded while the later file is on its way says it is loading in the case notice, the page and the tour, in no status region inside another', async ({ page }) => {
  await page.goto('./#/profile?tour=r12&step=1');
  await expect(page.getByRole('status').filter({ hasText: 'You are in a built-in case' })).toBeVisible();
  const arrive = await holdBack(page, LATER);
  await page.reload();
  // The case notice's region, the page's and the tour's each say it, apart.
  const loading = page.getByRole('status').filter({ hasText: 'Loading this part of Certlink…' });
  await expect(loading).toHaveCount(3);
  await expect(page.locator('[role="status"] [role="status"]')).toHaveCount(0);
  arrive();
  await expect(page.getByRole('status').filter({ hasText: 'You are in a built-in case' })).toBeVisible();
  await expect(loading).toHaveCount(0);
});

test('a first visit signs in, links an MCID and opens later parts without fetching the reader; a reload fetches it, once, to read the save', async ({ page }) => {
  const read = fetchesOf(page, READER);
  // One document throughout: page.goto to another address would be a reload.
  await page.goto('./#/sign-in');
  await page.getByLabel('Work email').fill('priya@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill(WORK_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  const app = new CertlinkPage(page);
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('MCID 985001234 is now linked to Contoso');
  await app.navigate('FAQ');
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await page.getByRole('button', { name: 'Trainer' }).click();
  await expect(page.getByRole('complementary', { name: 'Trainer panel' })).toBeVisible();
  expect(read).toEqual([]);

  await app.navigate('My Profile');
  await page.reload();
  await expect(app.heading).toHaveText('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  expect(read).toHaveLength(1);
});

test('a first visit starts, links an MCID and saves without the reader file; a reload without it says so and leaves the save as it was', async ({ page, consoleErrors }) => {
  await page.route(READER, (route) => route.abort());
  const app = new CertlinkPage(page);
  await app.linkPriya();
  const saved = await savedDocument(page);
  expect(saved).toMatch(/"priya@contoso\.com",\s*"McidLinked"/);

  await page.reload();
  const failed = page.locator('#start-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('Your saved scenario is still in this browser.');
  await expect(failed).toContainText('Votre scénario enregistré est toujours dans ce navigateur.');
  expect(await savedDocument(page)).toBe(saved);
  expect(onlyFailedFetches(consoleErrors, 'split_reader')).toEqual([]);
  consoleErrors.splice(0);

  await page.unroute(READER);
  await page.reload();
  await expect(app.heading).toHaveText('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  await expect(failed).toHaveCount(0);
});

test('an import without the reader file says so in French and changes nothing; once it comes, the file imports', async ({ page, consoleErrors }) => {
  await page.route(READER, (route) => route.abort());
  const app = new CertlinkPage(page);
  await app.open('#/data', 'fr');
  const file = { name: 'valid-v1.json', mimeType: 'application/json', buffer: readFileSync(path.resolve(__dirname, '..', 'fixtures', 'import', 'valid-v1.json')) };
  const saved = await savedDocument(page);
  await page.getByLabel('Choisir un fichier Certlink').setInputFiles(file);
  await expect(app.alert).toContainText('La partie de Certlink qui lit les fichiers ne s’est pas chargée');
  await expect(app.alert).toContainText('Votre scénario n’a pas changé.');
  expect(await savedDocument(page)).toBe(saved);
  expect(onlyFailedFetches(consoleErrors, 'split_reader')).toEqual([]);
  consoleErrors.splice(0);

  await page.unroute(READER);
  await page.getByLabel('Choisir un fichier Certlink').setInputFiles(file);
  await expect(app.status).toContainText('Importé :');
});

const VALID_FILE = { name: 'valid-v1.json', mimeType: 'application/json', buffer: readFileSync(path.resolve(__dirname, '..', 'fixtures', 'import', 'valid-v1.json')) };

test('while a chosen file is read, Your data says so, and nothing changes until it is checked', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  const app = new CertlinkPage(page);
  await app.open('#/data');
  const saved = await savedDocument(page);
  await page.getByLabel('Choose a Certlink file').setInputFiles(VALID_FILE);
  await expect(app.status).toHaveText('Reading the file… Nothing changes until it is checked.');
  expect(await savedDocument(page)).toBe(saved);
  arrive();
  await expect(app.status).toContainText('Imported:');
  await expect(app.status).not.toContainText('Reading the file');
});

test('while a chosen file is read, the library says so in French, and adds nothing until it is checked', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  const app = new CertlinkPage(page);
  await app.open('#/library', 'fr');
  const entries = page.locator('.library-entry');
  await expect(entries).toHaveCount(1);
  await page.getByLabel('Choisir un fichier Certlink').setInputFiles(VALID_FILE);
  await expect(app.status).toHaveText('Lecture du fichier… Rien ne change tant qu’il n’est pas vérifié.');
  await expect(entries).toHaveCount(1);
  arrive();
  await expect(app.status).toHaveText('C’est fait. Le scénario ouvert est celui affiché.');
  await expect(entries).toHaveCount(2);
});

test('another tab’s save is shown once the reader file arrives, and nothing is written over meanwhile', async ({ context }) => {
  // B starts first, on an empty store: it needs no reader to start.
  const b = await context.newPage();
  const arrive = await holdBack(b, READER);
  const appB = new CertlinkPage(b);
  await appB.signIn('adam@contoso.com');
  await appB.navigate('Skills report');
  await expect(appB.reportRows('Chen Li').first()).toBeVisible();
  await expect(appB.reportRows('Priya Patel')).toHaveCount(0);

  const saved = await linkPriyaInAnotherTab(context);

  // B cannot read A's save yet: it shows what it had, and writes nothing.
  const updated = b.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' });
  await b.waitForTimeout(300);
  await expect(updated).toHaveCount(0);
  await expect(appB.reportRows('Priya Patel')).toHaveCount(0);
  expect(await savedDocument(b)).toBe(saved);
  arrive();
  await expect(updated).toBeVisible();
  await expect(appB.reportRows('Priya Patel').first()).toBeVisible();
});

test('a change made while another tab’s save cannot be read yet is kept on screen, said unsaved, and never written over that save', async ({ context }) => {
  const b = await context.newPage();
  const arrive = await holdBack(b, READER);
  const appB = new CertlinkPage(b);
  await appB.signIn('sam@contoso.com');
  const saved = await linkPriyaInAnotherTab(context);

  await b.getByRole('button', { name: 'Get Partner University access' }).click();
  const unsaved = b.getByRole('alert').filter({ hasText: 'this tab was still fetching the part of Certlink that reads it' });
  await expect(unsaved).toContainText('Your last change is shown here but not saved');
  await expect(b.getByRole('button', { name: 'Remove access' })).toBeVisible();
  expect(await savedDocument(b)).toBe(saved);
  // Once the reader is here, the change is still shown, and still unsaved.
  arrive();
  await b.waitForTimeout(300);
  await expect(unsaved).toBeVisible();
  await expect(b.getByRole('button', { name: 'Remove access' })).toBeVisible();
  expect(await savedDocument(b)).toBe(saved);
  await b.getByRole('button', { name: 'Reload' }).click();
  await expect(appB.heading).toHaveText('My Profile');
  await expect(unsaved).toHaveCount(0);
  await expect(b.getByRole('button', { name: 'Get Partner University access' })).toBeVisible();
});

test('a first visit still on home has built and saved nothing: another tab’s save is what its first later page shows', async ({ context }) => {
  const b = await context.newPage();
  const appB = new CertlinkPage(b);
  await appB.open('#/');
  expect(await savedDocument(b)).toBeNull();

  const saved = await linkPriyaInAnotherTab(context);
  await expect(b.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toBeVisible();
  // The notice may be of an earlier save of A's: another page's storage
  // sees A's last write a moment later.
  await expect.poll(() => savedDocument(b)).toBe(saved);
  // Dismissed from the keyboard, the notice hands it to the page.
  await b.getByRole('button', { name: 'Dismiss' }).focus();
  await b.keyboard.press('Enter');
  await expect(b.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toHaveCount(0);
  await expect(appB.heading).toBeFocused();

  // Not the demo data built now over it: Priya's MCID is linked.
  await b.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await b.getByLabel('Work email').fill('priya@contoso.com');
  await b.getByLabel('Password', { exact: true }).fill(WORK_PASSWORD);
  await b.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(appB.heading).toHaveText('My Profile');
  await expect(b.getByRole('main')).toContainText('985001234');
  await expect(b.getByRole('button', { name: 'Associate Microsoft Learning account' })).toHaveCount(0);
});

/** A first visit, one document throughout: Priya links her MCID in her
 *  own scenario, which is then kept as a copy, "Monday", and opened. The
 *  reader file has not been needed. */
async function priyaLinkedThenACopyOpened(page: Page) {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await app.navigate('Your data');
  await page.getByRole('link', { name: /Library of scenarios/ }).click();
  await page.locator('input[name="library-name"]').fill('Monday');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.locator('.library-entry').filter({ hasText: 'Monday (open)' })).toBeVisible();
  return app;
}

test('a library entry opened before the reader file arrives: a page waits for its save, says so, then shows it, never the stand-in', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  const read = fetchesOf(page, READER);
  const app = await priyaLinkedThenACopyOpened(page);
  expect(read).toEqual([]);

  // Back to her own scenario: its save waits for the reader.
  await page.getByRole('button', { name: 'Open: My scenario' }).click();
  const opening = page.getByRole('status').filter({ hasText: 'Opening the saved scenario… Wait for it before changing anything' });
  await expect(opening).toBeVisible();
  await app.navigate('My Profile');
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Loading this part of Certlink…' })).toBeVisible();
  await expect(app.heading).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove access|Associate Microsoft Learning account/ })).toHaveCount(0);
  expect(read.length).toBeGreaterThan(0);

  arrive();
  await expect(app.heading).toHaveText('My Profile');
  // Her own scenario, with her still signed in there: her MCID linked.
  await expect(page.locator('header .who-name')).toHaveText('Priya Patel');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  await expect(opening).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(0);
  // The save read is the one she opened: no other tab changed anything.
  await expect(page.getByText('Updated with changes made in another tab')).toHaveCount(0);
});

test('a library entry whose save cannot be read for want of the reader file: its page says so, and Try again shows it once the file comes', async ({ page, consoleErrors }) => {
  await page.route(READER, (route) => route.abort());
  const app = await priyaLinkedThenACopyOpened(page);
  await page.getByRole('button', { name: 'Open: My scenario' }).click();
  await app.navigate('My Profile');
  await expect(app.heading).toHaveText('This page did not load');
  await expect(page.getByRole('button', { name: /Remove access|Associate Microsoft Learning account/ })).toHaveCount(0);
  expect(onlyFailedFetches(consoleErrors, 'split_reader')).toEqual([]);
  consoleErrors.splice(0);

  await page.unroute(READER);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(app.heading).toHaveText('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  await expect(page.getByText('Updated with changes made in another tab')).toHaveCount(0);
});

test('back from a case before the reader file arrives: the page left on screen shows her own scenario once it is read, with no notice of another tab', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  // A first visit, one document throughout: Priya links her MCID, then a
  // built-in case is loaded (its space is empty: nothing to read).
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await app.loadCase();
  await expect(page.locator('header .who-name')).not.toHaveText('Priya Patel');

  // Back to her own scenario: its save waits for the reader, and the page
  // on screen stays drawn meanwhile.
  await page.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the saved scenario…' })).toBeVisible();
  arrive();
  await expect(page.locator('header .who-name')).toHaveText('Priya Patel');
  await app.navigate('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  await expect(page.getByText('Updated with changes made in another tab')).toHaveCount(0);
});

test('while a library entry is still being opened, Save a copy and Export are refused, saying why, rather than keep the empty stand-in', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  await priyaLinkedThenACopyOpened(page);
  await page.getByRole('button', { name: 'Open: My scenario' }).click();
  const refusal = page.getByRole('main').getByRole('alert');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: 'Export the open scenario' }).click();
  await expect(refusal).toContainText('The scenario is still being opened');
  // The same refusal for a copy: what counts is that none is made.
  await page.locator('input[name="library-name"]').fill('Too soon');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(refusal).toContainText('The scenario is still being opened');
  await expect(page.locator('.library-entry').filter({ hasText: 'Too soon' })).toHaveCount(0);

  arrive();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the saved scenario…' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.locator('.library-entry').filter({ hasText: 'Too soon (open)' })).toBeVisible();
  expect(downloaded).toBe(false);
});

test('Export on Your data while her own scenario is still being opened is refused beside Export, not in the import’s place, and works once it is read', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await app.loadCase();
  await app.navigate('Your data');
  await page.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the saved scenario…' })).toBeVisible();
  const exportCard = page.getByRole('region', { name: 'Export' });
  await exportCard.getByRole('button', { name: 'Export' }).click();
  await expect(exportCard.getByRole('alert')).toContainText('The scenario is still being opened');
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('alert')).toHaveCount(0);

  arrive();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the saved scenario…' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Export' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toMatch(/"priya@contoso\.com",\s*"McidLinked"/);
  await expect(exportCard.getByRole('alert')).toHaveCount(0);
});

test('a file still being read when another scenario is opened is not put in that one’s place', async ({ page }) => {
  const arrive = await holdBack(page, READER);
  // A first visit, one document throughout: its own scenario exported and
  // edited (Contoso renamed), then chosen for import while the reader
  // file is on its way.
  await page.goto('./#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).first().click();
  const edited = readFileSync(await (await download).path(), 'utf8').replaceAll('"Contoso"', '"Contoso Training"');
  await page.getByLabel('Choose a Certlink file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) });
  // Meanwhile another scenario is opened: a new library entry.
  await page.getByRole('link', { name: /Library of scenarios/ }).click();
  await page.locator('input[name="library-name"]').fill('Monday');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.locator('.library-entry').filter({ hasText: 'Monday (open)' })).toBeVisible();
  arrive();
  // The file is read once the reader file is here: a few frames later,
  // the import is refused, and nothing changed: Monday is the copy it was.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('split_reader'))))
    .toBe(true);
  for (let frame = 0; frame < 5; frame++) await settled(page);
  const stored = () => page.evaluate(() => Object.values(localStorage).some((value) => value.includes('Contoso Training')));
  expect(await stored()).toBe(false);
  await new CertlinkPage(page).signIn('grace@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso');
  expect(await stored()).toBe(false);
});

test('a host that sends WebAssembly as application/octet-stream: the later pages and the reader load all the same', async ({ page }) => {
  await page.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await page.reload();
  await expect(app.heading).toHaveText('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
});
