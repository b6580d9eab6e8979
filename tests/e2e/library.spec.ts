// The library of scenarios: an exported scenario, edited by hand and
// imported as a new one, is kept under its file's name, opened, and found
// again after a reload; the person's own scenario stays as it was. Saving
// a copy, renaming and deleting (Cancel first) with the keyboard.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, fullStorageWhenAsked, settled } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

const entry = (page: Page, key: string) => page.locator(`[data-entry="${key}"]`);
const entries = (page: Page) => page.locator('.library-entry');

/** The demo scenario as Your data exports it, with Contoso renamed. */
async function editedExport(page: Page): Promise<string> {
  await page.goto('./#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).first().click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text).toContain('"Contoso"');
  return text.replaceAll('"Contoso"', '"Contoso Training"');
}

test('an edited scenario imported as a new one is kept, opened, and still there after a reload', async ({ page }) => {
  const app = new CertlinkPage(page);
  const edited = await editedExport(page);
  await page.getByRole('link', { name: /Library of scenarios/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library of scenarios');
  await expect(entries(page)).toHaveCount(1);
  await expect(entry(page, 'own')).toContainText('My scenario (open)');
  await page.locator('input[name="library-import"]').setInputFiles({
    name: 'contoso-training.json',
    mimeType: 'application/json',
    buffer: Buffer.from(edited),
  });
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText('Done');
  await expect(entries(page)).toHaveCount(2);
  const imported = entries(page).nth(1);
  await expect(imported).toContainText('contoso-training (open)');
  // The pages now show the imported scenario.
  await app.signIn('grace@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso Training');

  await page.reload();
  await page.goto('./#/library');
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).nth(1)).toContainText('contoso-training (open)');
  await expectAccessible(page);
  // Back to the person's own scenario, as it was.
  await entry(page, 'own').getByRole('button', { name: 'Open' }).click();
  await expect(entry(page, 'own')).toContainText('My scenario (open)');
  // Its Open button is gone: the keyboard stays on the line.
  await expect(entry(page, 'own').getByRole('button', { name: 'Rename: My scenario' })).toBeFocused();
  await app.signIn('grace@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso');
});

test('the open scenario saved as a copy, renamed, and deleted with a confirmation, keyboard alone', async ({ page }) => {
  await page.goto('./?lang=fr#/library');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bibliothèque de scénarios');
  const name = page.locator('input[name="library-name"]');
  // A name is needed.
  await name.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Un nom compte de 1 à 120 caractères');
  // The name is marked as the field refused, named by the message, and keeps the keyboard.
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAttribute('aria-describedby', 'library-outcome');
  await expect(name).toBeFocused();
  await page.keyboard.type('Démo du lundi');
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(2);
  await expect(name).not.toHaveAttribute('aria-invalid');
  const copy = entries(page).nth(1);
  await expect(copy).toContainText('Démo du lundi (ouvert)');
  // Renamed.
  await copy.getByRole('button', { name: 'Renommer' }).focus();
  await page.keyboard.press('Enter');
  // The form opened takes the keyboard (Tab would have gone to Delete).
  await expect(copy.locator('input[name="library-rename"]')).toBeFocused();
  // An empty name is refused there too, and marked.
  await copy.locator('input[name="library-rename"]').fill('   ');
  await copy.locator('input[name="library-rename"]').press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Un nom compte de 1 à 120 caractères');
  await expect(copy.locator('input[name="library-rename"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(copy.locator('input[name="library-rename"]')).toBeFocused();
  await copy.locator('input[name="library-rename"]').fill('Démo du mardi');
  await copy.locator('input[name="library-rename"]').press('Enter');
  await expect(copy).toContainText('Démo du mardi (ouvert)');
  // The form is gone: the keyboard is back on Rename.
  await expect(copy.getByRole('button', { name: 'Renommer' })).toBeFocused();
  // Each entry's buttons name it, so a screen reader's list tells them apart.
  await expect(copy.getByRole('button', { name: 'Supprimer : Démo du mardi', exact: true })).toBeVisible();
  await expect(entry(page, 'own').getByRole('button', { name: 'Renommer : Mon scénario', exact: true })).toBeVisible();
  // Deleted: Cancel has the keyboard first; the tab goes back to its own.
  await copy.getByRole('button', { name: 'Supprimer' }).focus();
  await page.keyboard.press('Enter');
  await expect(copy.locator('.cancel')).toBeFocused();
  // The question names the entry it deletes.
  const question = copy.getByRole('alertdialog', { name: 'Supprimer\u00a0: Démo du mardi' });
  await expect(question).toContainText('Supprimer «\u00a0Démo du mardi\u00a0» et tout ce qui est conservé avec lui');
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(2);
  // Cancel hands the keyboard back to Delete in the next frame: the test
  // takes it once that has happened, as a person would.
  await settled(page);
  await copy.getByRole('button', { name: 'Supprimer' }).focus();
  await page.keyboard.press('Enter');
  await expect(copy.locator('.cancel')).toBeFocused();
  await copy.locator('.danger').last().focus();
  await page.keyboard.press('Enter');
  await expect(entries(page)).toHaveCount(1);
  // The line is gone: the keyboard is on the page's heading, not lost.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(entry(page, 'own')).toContainText('Mon scénario (ouvert)');
  // Nothing of the deleted one is left in storage.
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lib-')));
  expect(left).toEqual([]);
  await expectAccessible(page);
});

test('a built-in case started from a library entry goes back to that entry, not to the person\'s own', async ({ page }) => {
  const app = new CertlinkPage(page);
  const edited = await editedExport(page);
  await page.goto('./#/library');
  await page.locator('input[name="library-import"]').setInputFiles({
    name: 'contoso-training.json',
    mimeType: 'application/json',
    buffer: Buffer.from(edited),
  });
  await expect(entries(page).nth(1)).toContainText('contoso-training (open)');
  // A case from the trainer panel runs apart; the library still names the
  // entry the case goes back to.
  await app.loadCase();
  const apart = app.caseNotice;
  await page.goto('./#/library');
  await expect(entries(page).nth(1)).toContainText('contoso-training (open)');
  // A reload stays in the case; leaving it opens the entry again.
  await page.reload();
  await expect(apart).toBeVisible();
  await apart.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(apart).toHaveCount(0);
  await expect(entries(page).nth(1)).toContainText('contoso-training (open)');
  await app.signIn('grace@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso Training');

  // Kept as the scenario: the entry's is replaced (its Contoso Training
  // kept as the entry's restore point), the person's own is not.
  await app.loadCase();
  await page.getByRole('button', { name: 'Keep this case as my scenario' }).click();
  await expect(apart).toHaveCount(0);
  await page.goto('./#/library');
  await expect(entries(page).nth(1)).toContainText('contoso-training (open)');
  await expect(page.getByRole('banner')).toContainText('Sam Sato');
  await expect(page.locator('header .who-org')).toHaveText('Contoso');
  const points = page.getByRole('region', { name: 'Restore points' }).getByRole('listitem');
  await page.goto('./#/data');
  await expect(points).toHaveCount(1);
  await expect(points).toContainText('Before a built-in case became your scenario');
  await page.goto('./#/library');
  await entry(page, 'own').getByRole('button', { name: 'Open' }).click();
  await page.goto('./#/data');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data');
  await expect(points).toHaveCount(0);
  await app.signIn('grace@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso');
});

test('a change the banner says is not saved is never dropped by opening another scenario: it is refused, and Save a copy keeps it', async ({ page }) => {
  // This page's own space finds the storage full once the test says so.
  await fullStorageWhenAsked(page);
  const app = new CertlinkPage(page);
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Monday');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entry(page, 'own').getByRole('button', { name: 'Open: My scenario' })).toBeVisible();
  await entry(page, 'own').getByRole('button', { name: 'Open: My scenario' }).click();
  await expect(entry(page, 'own')).toContainText('My scenario (open)');
  // The scenario opened is read once the reader file is here: a change
  // before that is the race split.spec.ts's unread save covers, not this.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('split_reader'))))
    .toBe(true);
  await settled(page);
  await settled(page);
  await page.evaluate(() => sessionStorage.setItem('test.full', 'yes'));
  await app.linkPriya();
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible();
  await page.goto('./#/library');
  const monday = entries(page).filter({ hasText: 'Monday' });
  await monday.getByRole('button', { name: 'Open: Monday' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('The scenario open is not saved yet, and this would leave it');
  await expect(entry(page, 'own')).toContainText('My scenario (open)');
  // Save a copy keeps the change, in the copy.
  await page.locator('input[name="library-name"]').fill('Rescued');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(page).filter({ hasText: 'Rescued (open)' })).toBeVisible();
  const rescued = await page.evaluate(() =>
    Object.entries(localStorage).find(([key, value]) => key.startsWith('lib-') && key.endsWith(':certlink.document') && /"priya@contoso\.com",\s*"McidLinked"/.test(value)),
  );
  expect(rescued).toBeDefined();
});

test('a file whose name cannot be a name is imported under a name of its own', async ({ page }) => {
  const edited = await editedExport(page);
  await page.goto('./#/library');
  for (const name of ['.json', `${'x'.repeat(200)}.json`]) {
    await page.locator('input[name="library-import"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(edited) });
    await expect(page.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText('Done');
  }
  await expect(entries(page)).toHaveCount(3);
  await expect(entries(page).nth(1)).toContainText('Imported scenario');
  await expect(entries(page).nth(2)).toContainText('x'.repeat(120));
  await expect(entries(page).nth(2)).not.toContainText('x'.repeat(121));
});

test('a name half typed in one entry’s rename box survives the library changing around it', async ({ page }) => {
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Monday');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(page)).toHaveCount(2);
  const own = entry(page, 'own');
  await own.getByRole('button', { name: 'Rename: My scenario' }).click();
  await own.locator('input[name="library-rename"]').fill('Half typed');
  // Another entry renamed, then a copy saved: the lines are drawn anew.
  const monday = entries(page).filter({ hasText: 'Monday' });
  await monday.getByRole('button', { name: 'Rename: Monday' }).click();
  await monday.locator('input[name="library-rename"]').fill('Tuesday');
  await monday.locator('input[name="library-rename"]').press('Enter');
  await expect(entries(page).filter({ hasText: 'Tuesday' })).toHaveCount(1);
  await page.locator('input[name="library-name"]').fill('Wednesday');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(page)).toHaveCount(3);
  await expect(own.locator('input[name="library-rename"]')).toHaveValue('Half typed');
  await expect(entries(page).filter({ hasText: 'Tuesday' }).locator('input[name="library-rename"]')).toHaveCount(0);
});

test('a delete question open when another tab changes the library is drawn again with the keyboard on its Cancel', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto('./#/library');
  await a.locator('input[name="library-name"]').fill('Monday');
  await a.getByRole('button', { name: 'Save a copy' }).click();
  const monday = entries(a).filter({ hasText: 'Monday' });
  await monday.getByRole('button', { name: 'Delete: Monday' }).click();
  await expect(monday.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Another tab saves a copy: this tab's lines are drawn anew.
  await b.goto('./#/library');
  await b.locator('input[name="library-name"]').fill('Tuesday');
  await b.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(a)).toHaveCount(3);
  await expect(monday.getByRole('alertdialog')).toBeVisible();
  await expect(monday.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await a.keyboard.press('Escape');
  await expect(monday.getByRole('button', { name: 'Delete: Monday' })).toBeFocused();
});

/** Tab `a` saves a copy named Monday, which it then has open; tab `b`
 *  deletes it. */
async function mondayDeletedElsewhere(a: Page, b: Page) {
  await a.goto('./#/library');
  await a.locator('input[name="library-name"]').fill('Monday');
  await a.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(a).filter({ hasText: 'Monday (open)' })).toBeVisible();
  await b.goto('./#/library');
  const monday = entries(b).filter({ hasText: 'Monday' });
  await monday.getByRole('button', { name: 'Delete: Monday' }).click();
  await monday.locator('.confirm .danger').click();
  await expect(entries(b)).toHaveCount(1);
}

test('an entry deleted in another tab is never written again by the tab that has it open: its scenario stays, said saved nowhere, and can be kept', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await mondayDeletedElsewhere(a, b);
  // Tab A says so, lists the library anew, and writes nothing more there.
  await expect(a.getByRole('alert').filter({ hasText: 'deleted from the library in another tab' })).toBeVisible();
  await expect(entries(a)).toHaveCount(1);
  await new CertlinkPage(a).linkPriya();
  const orphans = await a.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lib-')));
  expect(orphans).toEqual([]);
  // Opening another would drop what is on screen: refused; a copy keeps it.
  await a.goto('./#/library');
  await entry(a, 'own').getByRole('button', { name: 'Open: My scenario' }).click();
  await expect(a.getByRole('main').getByRole('alert')).toContainText('not saved yet');
  await a.locator('input[name="library-name"]').fill('Rescued');
  await a.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(a).filter({ hasText: 'Rescued (open)' })).toBeVisible();
  await expect(a.getByRole('alert').filter({ hasText: 'deleted from the library' })).toHaveCount(0);
  const rescued = await a.evaluate(() =>
    Object.entries(localStorage).some(([key, value]) => key.startsWith('lib-') && key.endsWith(':certlink.document') && /"priya@contoso\.com",\s*"McidLinked"/.test(value)),
  );
  expect(rescued).toBe(true);
});

test('a reset on an entry another tab deleted asks first, since nothing can keep the scenario it replaces', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await mondayDeletedElsewhere(a, b);
  const app = new CertlinkPage(a);
  await app.linkPriya();
  await a.goto('./#/data');
  const reset = a.getByRole('button', { name: 'Reset to demo data' });
  const dialog = a.getByRole('alertdialog');
  await reset.click();
  await dialog.getByRole('button', { name: 'Yes, reset' }).click();
  // Refused: the question now says the scenario would be lost.
  await expect(dialog).toContainText('Nothing can be saved in this browser now');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await a.goto('./#/profile');
  await expect(a.getByRole('button', { name: 'Remove access' })).toBeVisible();
  // Chosen, with that said: the demo data replaces it.
  await a.goto('./#/data');
  await reset.click();
  await dialog.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(dialog).toContainText('Nothing can be saved in this browser now');
  await dialog.getByRole('button', { name: 'Yes, reset' }).click();
  await app.signIn('priya@contoso.com');
  await expect(a.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
});

test('a tab reloaded on an entry deleted meanwhile goes back to the person’s own scenario', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await mondayDeletedElsewhere(a, b);
  // Tab A, still on Monday, is reloaded: it starts on the person's own,
  // and writes nothing under the deleted entry's keys.
  await a.reload();
  await expect(entry(a, 'own')).toContainText('My scenario (open)');
  await expect(a.getByRole('alert')).toHaveCount(0);
  await new CertlinkPage(a).linkPriya();
  expect(await a.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lib-')))).toEqual([]);
});

test('two scenarios each left for a case with a change not saved both keep it: the person’s own, then a library entry', async ({ page }) => {
  // Any save but a case’s is refused while the test asks (the library’s
  // index is written).
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (sessionStorage.getItem('test.full') === 'yes' && key.endsWith('certlink.document') && !key.startsWith('case:')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  const app = new CertlinkPage(page);
  const full = app.storageFull;
  const apart = app.caseNotice;
  const openCase = async () => {
    await app.loadCase();
    await expect(apart).toContainText('which is not saved yet');
  };
  // The person’s own: Priya links her MCID, not saved.
  await app.linkPriyaNotSaved();
  await openCase();
  // From the case, a copy of it kept as a library entry: not saved either.
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Monday demo');
  await page.locator('input[name="library-name"]').press('Enter');
  await expect(entries(page).nth(1)).toContainText('Monday demo (open)');
  await expect(full).toBeVisible();
  await openCase();
  // Back: the entry, its change on screen, still said not saved.
  await apart.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(apart).toHaveCount(0);
  await expect(full).toBeVisible();
  // Room made, the entry saves; then the person’s own, with Priya’s link.
  await page.evaluate(() => sessionStorage.removeItem('test.full'));
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Monday demo, kept');
  await page.locator('input[name="library-name"]').press('Enter');
  await expect(entries(page)).toHaveCount(3);
  // The two scenarios left with a change not saved say so in the list.
  const held = 'a change not saved yet, kept in this tab: open it to see it';
  await expect(entry(page, 'own')).toContainText(held);
  await expect(entries(page).nth(1)).toContainText(held);
  await expect(entries(page).nth(2)).not.toContainText(held);
  await entry(page, 'own').getByRole('button', { name: 'Open' }).click();
  await expect(entry(page, 'own')).toContainText('My scenario (open)');
  await expect(entry(page, 'own')).not.toContainText(held);
  await expect(entries(page).nth(1)).toContainText(held);
  await expect(full).toBeVisible();
  await app.navigate('My Profile');
  await expect(page.getByRole('banner')).toContainText('Priya Patel');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
});

test('an entry another tab deleted, then left for a case with its change, comes back as itself, never as the person’s own', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await mondayDeletedElsewhere(a, b);
  await expect(a.getByRole('alert').filter({ hasText: 'deleted from the library in another tab' })).toBeVisible();
  // On the deleted Monday, Priya links her MCID: on screen, saved nowhere.
  const app = new CertlinkPage(a);
  await app.linkPriya();
  await app.loadCase();
  await expect(app.caseNotice).toContainText('which is not saved yet');
  await app.caseNotice.getByRole('button', { name: 'Back to my scenario' }).click();
  // Back on Monday's scenario, still said saved nowhere.
  await expect(a.getByRole('alert').filter({ hasText: 'deleted from the library in another tab' })).toBeVisible();
  await app.navigate('My Profile');
  await expect(a.getByRole('button', { name: 'Remove access' })).toBeVisible();
  // The person's own scenario is its own: Priya is not linked there.
  await a.goto('./#/library');
  await a.locator('input[name="library-name"]').fill('Rescued');
  await a.getByRole('button', { name: 'Save a copy' }).click();
  await expect(entries(a).filter({ hasText: 'Rescued (open)' })).toBeVisible();
  await entry(a, 'own').getByRole('button', { name: 'Open: My scenario' }).click();
  await expect(entry(a, 'own')).toContainText('My scenario (open)');
  await app.signIn('priya@contoso.com');
  await expect(a.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
});

test('a case started from an entry with nothing unsaved says nothing unsaved, though the person’s own keeps a change apart', async ({ page }) => {
  await fullStorageWhenAsked(page);
  const app = new CertlinkPage(page);
  // An entry, saved, then the person's own with a change not saved.
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Team A');
  await page.locator('input[name="library-name"]').press('Enter');
  await expect(entries(page).nth(1)).toContainText('Team A (open)');
  await entry(page, 'own').getByRole('button', { name: 'Open: My scenario' }).click();
  await app.linkPriyaNotSaved();
  await app.loadCase();
  await expect(app.caseNotice).toContainText('which is not saved yet');
  // From the case, Team A; then a case from Team A: its way back has no change.
  await page.goto('./#/library');
  await entries(page).nth(1).getByRole('button', { name: 'Open: Team A' }).click();
  await expect(entries(page).nth(1)).toContainText('Team A (open)');
  await expect(entry(page, 'own')).toContainText('a change not saved yet, kept in this tab');
  await app.loadCase();
  await expect(app.caseNotice).not.toContainText('not saved yet');
  await expect(app.caseNotice).toContainText('nothing done here changes it');
});

test('a change made before the tab hears that another tab deleted its entry is not written under the deleted keys', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Monday');
  await page.locator('input[name="library-name"]').press('Enter');
  await expect(entries(page).nth(1)).toContainText('Monday (open)');
  // Another tab's deletion, as this tab finds it in storage before its
  // storage event arrives (a page's own write raises none in it).
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith('lib-'))) localStorage.removeItem(key);
    localStorage.setItem('certlink.library', '');
  });
  await app.linkPriya();
  await expect(page.getByRole('alert').filter({ hasText: 'deleted from the library in another tab' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lib-')))).toEqual([]);
});
