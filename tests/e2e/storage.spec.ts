// Local-first storage: the scenario survives a reload, travels
// as a file, refuses every bad file without changing anything, recovers
// from unreadable or unavailable storage, and two tabs never lose work.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, expectLeavingToAsk, fullStorageWhenAsked, settled } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD } from './pages/certlink_page';

const corpus = path.resolve(__dirname, '..', 'fixtures', 'import');
const MB = 1024 * 1024;

/** The scenario part of an export: what must survive a round trip. */
const scenarioOf = (text: string) => JSON.stringify(JSON.parse(text).scenario);

async function exportText(page: Page): Promise<{ name: string; text: string }> {
  await page.goto('./#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = await download;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Choose a Certlink file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

const banner = (page: Page) => page.getByRole('alert').filter({ hasNotText: 'Nothing was changed' }).first();

test('a reload keeps the scenario and who is signed in', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await page.reload();
  await expect(app.heading).toHaveText('My Profile');
  await expect(page.getByText('AZ-104 Microsoft Azure Administrator')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
});

test('export, reset, then import gives back the same scenario, and the import undoes once', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  const exported = await exportText(page);
  expect(exported.name).toMatch(/^certlink-scenario-\d{4}-\d{2}-\d{2}\.json$/);
  expect(exported.text.split('\n').length, 'pretty-printed').toBeGreaterThan(40);
  expect(exported.text).not.toContain(LEARN_PASSWORD);
  expect(exported.text).not.toContain('Partner#2026');

  await page.getByRole('button', { name: 'Reset to demo data' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page).toHaveURL(/#\/sign-in$/);
  await app.signIn('priya@contoso.com');
  await expect(page.getByText('No Microsoft Learning account is associated with this profile.')).toBeVisible();

  await page.goto('./#/data');
  // Keyboard: the file control is the next stop after Export.
  await page.getByRole('button', { name: 'Export to a file' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Choose a Certlink file')).toBeFocused();
  await importFile(page, exported.name, Buffer.from(exported.text));
  await expect(app.status).toContainText('Imported: 12 work accounts');
  const again = await exportText(page);
  expect(scenarioOf(again.text)).toEqual(scenarioOf(exported.text));

  await page.getByRole('button', { name: 'Restore the previous scenario' }).click();
  await expect(app.status).toContainText('The previous scenario is back');
  await expect(page.getByRole('button', { name: 'Restore the previous scenario' })).toHaveCount(0);
  const undone = await exportText(page);
  expect(scenarioOf(undone.text)).not.toEqual(scenarioOf(exported.text));
});

// Every file of the corpus but the two valid ones, and a file over the limit.
const bad = readdirSync(corpus).filter((f) => f.endsWith('.json') && !['valid-v1.json', 'script-tag-name.json', 'formula-name.json'].includes(f));
const reasons: Record<string, RegExp> = {
  'empty.json': /the file is empty/,
  'binary.json': /not valid JSON/,
  'truncated.json': /not valid JSON/,
  'malformed.json': /not valid JSON \(line 1/,
  'other-app.json': /not a Certlink file/,
  'wrong-schema.json': /format version is unknown/,
  'future-version.json': /newer Certlink \(format 99\)/,
  'missing-scenario.json': /scenario is missing/,
  'plain-password.json': /salted SHA-256 \(D2\)/,
  'duplicate-account.json': /leo@contoso\.com is listed twice/,
  'two-org-mcid.json': /disagree \(R4\)/,
  'link-names-other-org.json': /would be linked to two memberships \(R4\)/,
  'limit-exceeded.json': /yearly limit allows \(R15\)/,
  'dangling-reference.json': /does not exist/,
  'out-of-order.json': /back in time .* \(D1\)/,
  'cool-off-out-of-range.json': /days between associations .* are outside 0 to 365 \(D6\)/,
  'year-10000.json': /outside the years 1 to 9999 that Certlink keeps \(D1\)/,
};

test('every bad file is refused for its reason, and nothing changes', async ({ page }) => {
  expect(bad.length).toBeGreaterThanOrEqual(10);
  expect(Object.keys(reasons).sort()).toEqual([...bad].sort());
  const app = new CertlinkPage(page);
  await app.linkPriya();
  const before = scenarioOf((await exportText(page)).text);
  const files = bad.map((name) => ({ name, buffer: readFileSync(path.join(corpus, name)) }));
  files.push({ name: 'huge.json', buffer: Buffer.alloc(17 * MB, 0x20) });
  for (const { name, buffer } of files) {
    await importFile(page, name, buffer);
    const reason = reasons[name] ?? /over the 16 MB limit/;
    await expect(app.alert, name).toContainText(reason);
    await expect(app.alert, name).toContainText('Nothing was changed.');
  }
  await expect(page.getByRole('button', { name: 'Restore the previous scenario' })).toHaveCount(0);
  expect(scenarioOf((await exportText(page)).text)).toEqual(before);
  await page.reload();
  expect(scenarioOf((await exportText(page)).text)).toEqual(before);
});

test('in French, why a file was refused is worded in French, down to where in the file', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/data', 'fr');
  const french = {
    'duplicate-account.json': 'leo@contoso.com figure deux fois',
    'missing-scenario.json': 'scenario manque',
    'plain-password.json': 'un mot de passe doit être conservé sous forme de SHA-256 salé (D2)',
    'dangling-reference.json': 'qui n’existe pas',
  };
  for (const [name, reason] of Object.entries(french)) {
    await page.getByLabel('Choisir un fichier Certlink').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: readFileSync(path.join(corpus, name)),
    });
    await expect(app.alert, name).toContainText(reason);
    await expect(app.alert, name).toContainText('Rien n’a été modifié.');
    await expect(app.alert, name).not.toContainText(/missing|listed twice|must be kept|does not exist/);
  }
});

test('a file dropped on the import zone is imported', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./#/data');
  await expect(app.heading).toHaveText('Your data');
  const text = readFileSync(path.join(corpus, 'script-tag-name.json'), 'utf8');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    const zone = document.querySelector('.drop-zone')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(app.status).toContainText('Imported: 12 work accounts and 11 recorded changes');
  // The markup in a name is shown as text, never run.
  await app.signIn('priya@contoso.com');
  await expect(page.getByText('<script>alert(1)</script>Priya').first()).toBeVisible();
});

test('two pages see each other’s changes, and neither loses work', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const [appA, appB] = [new CertlinkPage(a), new CertlinkPage(b)];
  await appA.signIn('priya@contoso.com');
  await appB.signIn('sam@contoso.com');
  await appA.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(appA.status).toContainText('now linked to Contoso');
  // B was open all along: the change arrives without a reload, and the
  // notice says what it was and who made it.
  await expect(b.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toContainText(
    /another tab\. \d+ changes?, (the last )?by Priya Patel \(priya@contoso\.com\)\./,
  );
  await b.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toBeVisible();
  // Both changes are in the one saved scenario.
  for (const page of [a, b]) {
    const saved = JSON.parse((await exportText(page)).text);
    const kinds = saved.scenario.trail.map((e: unknown[]) => `${e[1]} ${e[2]}`);
    expect(kinds).toContain('priya@contoso.com McidLinked');
    expect(kinds).toContain('sam@contoso.com PartnerUniversityAccessGranted');
  }
  await expectAccessible(b);
});

test('two embeds with different storage names keep their own scenarios', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./?storage=first#/sign-in');
  await page.getByLabel('Work email').fill('priya@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('now linked to Contoso');
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toContain('first:certlink.document');
  expect(keys).not.toContain('certlink.document');
});

/** This page's browser refuses it storage, as a sandboxed frame does. */
async function blockStorage(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
  });
}

test('blocked storage: the app runs in memory and says so', async ({ page }) => {
  await blockStorage(page);
  const app = new CertlinkPage(page);
  await page.goto('./#/');
  await expect(banner(page)).toContainText('changes will not survive a reload');
  await app.linkPriya();
  await expect(banner(page)).toBeVisible();
});

test('blocked storage: keeping a case as the scenario asks first, the case still played by its persona, since nothing can keep the person’s own', async ({ page }) => {
  await blockStorage(page);
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await app.loadCase();
  const persona = await page.locator('header .who-name').textContent();
  expect(persona).not.toBe('Priya Patel');
  await page.getByRole('button', { name: 'Keep this case as my scenario' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing can be saved in this browser now' })).toBeVisible();
  await expect(app.caseNotice).toBeVisible();
  await expect(page.locator('header .who-name')).toHaveText(persona ?? '');
  await page.getByRole('button', { name: 'Keep the case anyway' }).click();
  await expect(app.caseNotice).toHaveCount(0);
  await expect(page.locator('header .who-name')).toHaveText(persona ?? '');
});

test('unreadable saved data: the app starts on the demo, keeps the text and offers it', async ({ page }) => {
  const unreadable = '{"app":"certlink","schema":1,"revision":3,"saved_at":"2026-11-';
  await page.goto('./#/');
  // The app is up (it saves on start), so what is written next is not overwritten.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((text) => {
    localStorage.setItem('certlink.document', text);
    localStorage.setItem('certlink.revision', '1:3');
  }, unreadable);
  await page.reload();
  await expect(banner(page)).toContainText('could not be read, so Certlink started on the demo data');
  const download = page.waitForEvent('download');
  await banner(page).getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  expect(readFileSync(await file.path(), 'utf8')).toBe(unreadable);
  // Work goes on and is saved, and the text stays kept.
  await new CertlinkPage(page).linkPriya();
  const kept = await page.evaluate(() => localStorage.getItem('certlink.unreadable.1'));
  expect(kept).toBe(unreadable);
  await expectAccessible(page);
});

test('an unreadable save with no room to set it aside is listed on Your data to download, and set aside once room is made', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    for (const n of [1, 2, 3]) localStorage.setItem(`certlink.unreadable.${n}`, `kept ${n}`);
    localStorage.setItem('certlink.document', 'the fourth, unreadable');
  });
  await page.reload();
  await expect(banner(page)).toContainText('there is no room to set it aside');
  await page.goto('./#/data');
  const kept = page.locator('ul.backups li');
  await expect(kept).toHaveCount(4);
  await expect(kept.nth(3)).toContainText('still in place');
  // The one in place is the document: only deleting another makes room.
  await expect(kept.nth(3).getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await kept.nth(3).getByRole('button', { name: 'Download' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe('the fourth, unreadable');
  await kept.nth(0).getByRole('button', { name: 'Delete: #1', exact: true }).click();
  // Asked first, with the keyboard on Cancel.
  await expect(kept.nth(0).getByRole('alertdialog')).toContainText('Delete “#1');
  await expect(kept.nth(0).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await kept.nth(0).getByRole('button', { name: 'Delete for good' }).click();
  // Said, in a status region the page had before.
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Deleted: #1' })).toBeVisible();
  // Set aside last, as the newest kept, and the scenario saved in its place.
  await expect(kept).toHaveCount(3);
  await expect(page.getByText('still in place')).toHaveCount(0);
  const store = await page.evaluate(() => [1, 2, 3, 4].map((n) => localStorage.getItem(`certlink.unreadable.${n}`)));
  expect(store).toEqual([null, 'kept 2', 'kept 3', 'the fourth, unreadable']);
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toContain('"app":"certlink"');
  await expectAccessible(page);
});

test('full storage: the change stays on screen, the last save stays whole, and the message goes once a save fits', async ({ page }) => {
  await fullStorageWhenAsked(page);
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  const saved = await page.evaluate(() => localStorage.getItem('certlink.document'));
  await page.evaluate(() => sessionStorage.setItem('test.full', 'yes'));
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('now linked to Contoso');
  await expect(banner(page)).toContainText('storage is full');
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toBe(saved);
  await page.evaluate(() => sessionStorage.removeItem('test.full'));
  await page.getByRole('button', { name: 'Remove access' }).click();
  await expect(banner(page)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toContain('McidUnlinked');
});

test('a storage filled to its last byte by another page of the site still opens the save, and says a change not saved until room is made', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('now linked to Contoso');
  await settled(page);
  // Another page of the origin takes every byte left: not one more
  // character can be written.
  await page.evaluate(() => {
    let low = 0;
    let high = 6 * 1024 * 1024;
    while (low < high) {
      const length = Math.ceil((low + high) / 2);
      try {
        localStorage.setItem('another.page', 'x'.repeat(length));
        low = length;
      } catch {
        high = length - 1;
      }
    }
    localStorage.setItem('another.page', 'x'.repeat(low));
    try {
      localStorage.setItem('another.page.more', 'x');
      throw new Error('the storage still had room');
    } catch (error) {
      if ((error as Error).message === 'the storage still had room') throw error;
    }
  });
  await page.reload();
  await page.goto('./#/profile');
  const exams = page.getByRole('region', { name: 'Microsoft exams and certifications' });
  await expect(exams).toContainText('985001234');
  await expect(page.getByText('does not let Certlink keep data here')).toHaveCount(0);
  await exams.getByRole('button', { name: 'Remove access' }).click();
  await expect(app.storageFull).toBeVisible();
  // Room made, the next change saves the one said not saved with it.
  await page.evaluate(() => localStorage.removeItem('another.page'));
  await page.getByRole('region', { name: 'Your Learning' }).getByRole('button').first().click();
  await expect(app.storageFull).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toContain('"priya@contoso.com","McidUnlinked"');
});

test('a newer Certlink’s save is never written over', async ({ page }) => {
  const valid = readFileSync(path.join(corpus, 'valid-v1.json'), 'utf8');
  const newer = JSON.stringify({ ...JSON.parse(valid), schema: 3 });
  await page.goto('./#/');
  // The app is up (it saves on start), so what is written next is not overwritten.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((text) => localStorage.setItem('certlink.document', text), newer);
  await page.evaluate(() => localStorage.removeItem('certlink.revision'));
  await page.reload();
  await expect(banner(page)).toContainText('A newer version of Certlink (format 3)');
  await expect(banner(page).getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(banner(page)).not.toContainText('not saved');
  await new CertlinkPage(page).linkPriya();
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toBe(newer);
  // The change is on screen only: the banner says so, and leaving asks first.
  await expect(banner(page)).toContainText('Your changes in this tab are not saved: export them (Your data)');
  await expectLeavingToAsk(page);
});

test('full storage: the banner speaks of the earlier save only while one is kept, in English and in French', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await fullStorageWhenAsked(a);
  const app = new CertlinkPage(a);
  await app.linkPriyaNotSaved();
  await expect(app.storageFull).toContainText('the previous save is intact');
  // Something that is not Certlink writes over the save: a reload would
  // lose the change, and the banner says so once the tab hears of it.
  await b.goto('./#/');
  await b.evaluate(() => localStorage.setItem('certlink.document', 'written over by hand'));
  await expect(app.storageFull).toContainText('no earlier save of it is kept here');
  await expect(app.storageFull).not.toContainText('intact');
  await a.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(a.getByRole('alert').filter({ hasText: 'le stockage de ce navigateur est plein' })).toContainText(
    'aucun enregistrement antérieur n’en est conservé ici',
  );
  await expectLeavingToAsk(a);
});

test('the storage cleared by another page of the site: the scenario on screen is saved again at once', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const app = new CertlinkPage(a);
  await app.linkPriya();
  await b.goto('./#/');
  await b.evaluate(() => localStorage.clear());
  await expect.poll(() => b.evaluate(() => localStorage.getItem('certlink.document') ?? '')).toContain('985001234');
  await expect(banner(a)).toHaveCount(0);
  await a.reload();
  await expect(a.getByText('Linked Microsoft Certification profile ID (MCID)')).toContainText('985001234');
});

test('full storage before any save: the first change is said kept in this tab only', async ({ page }) => {
  await fullStorageWhenAsked(page);
  await page.addInitScript(() => sessionStorage.setItem('test.full', 'yes'));
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  expect(await page.evaluate(() => localStorage.getItem('certlink.document'))).toBeNull();
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('now linked to Contoso');
  await expect(app.storageFull).toContainText('It is in this tab only, and a reload would lose it');
  await expectAccessible(page);
});

test('unsaved changes (storage full) are not dropped when another tab saves: the tab says so and keeps them', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  // Only page A finds the storage full.
  await fullStorageWhenAsked(a);
  const [appA, appB] = [new CertlinkPage(a), new CertlinkPage(b)];
  await appA.signIn('priya@contoso.com');
  await appB.signIn('sam@contoso.com');
  await a.evaluate(() => sessionStorage.setItem('test.full', 'yes'));
  await appA.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(banner(a)).toContainText('storage is full');
  // B saves a change: A keeps its own on screen instead of taking B's.
  await b.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(appB.status).toContainText('(R6)');
  await a.getByRole('button', { name: 'Remove access' }).waitFor();
  await a.evaluate(() => sessionStorage.removeItem('test.full'));
  await a.getByRole('button', { name: 'Remove access' }).click();
  await expect(banner(a)).toContainText('Another tab changed this scenario at the same moment');
  await expect(banner(a).getByRole('button', { name: 'Reload' })).toBeVisible();
  // B's save is intact: A never wrote over it.
  const saved = await b.evaluate(() => localStorage.getItem('certlink.document'));
  expect(saved).toContain('PartnerUniversityAccessGranted');
  expect(saved).not.toContain('McidUnlinked","985001234');
});

test('a revision key left without its document does not stop saving, before or after a reload', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./#/');
  await expect(app.heading).toBeVisible();
  // A partial clean-up (an extension, devtools) removed only the document.
  await page.evaluate(() => {
    localStorage.removeItem('certlink.document');
    localStorage.setItem('certlink.revision', '2:41:gone');
  });
  await page.reload();
  await app.linkPriya();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove access' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'another tab' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
});

test('a form being filled in keeps what was typed when another tab saves', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const [appA, appB] = [new CertlinkPage(a), new CertlinkPage(b)];
  await appA.signIn('priya@contoso.com');
  await appB.signIn('sam@contoso.com');
  await a.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  // The form puts the keyboard on its first field (a frame later): typing
  // starts there, as a person's would.
  await expect(a.getByLabel('Microsoft Learning username')).toBeFocused();
  await a.getByLabel('Microsoft Learning username').fill('priya.patel@outlook.com');
  await b.getByRole('button', { name: 'Get Partner University access' }).click();
  // Sam's change is saved, and A has taken it.
  await expect.poll(() => a.evaluate(() => localStorage.getItem('certlink.document'))).toContain('PartnerUniversityAccessGranted');
  await expect(a.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toContainText('Sam Sato');
  await expect(a.getByLabel('Microsoft Learning username')).toHaveValue('priya.patel@outlook.com');
  await a.getByLabel('Microsoft Learning password').fill(LEARN_PASSWORD);
  await a.getByRole('button', { name: 'Associate', exact: true }).click();
  await expect(appA.status).toContainText('now linked to Contoso');
  const saved = JSON.parse((await exportText(a)).text);
  const kinds = saved.scenario.trail.map((e: unknown[]) => `${e[1]} ${e[2]}`);
  expect(kinds).toContain('priya@contoso.com McidLinked');
  expect(kinds).toContain('sam@contoso.com PartnerUniversityAccessGranted');
});

test('unreadable saves are listed on Your data, at most three, each to download or delete', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const n of [1, 2]) {
    await page.evaluate((n) => localStorage.setItem('certlink.document', `not json ${n}`), n);
    await page.reload();
    await expect(banner(page)).toContainText('could not be read');
  }
  await page.goto('./#/data');
  const kept = page.getByRole('region', { name: 'Unreadable saves kept' });
  await expect(kept.getByRole('listitem')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await kept.getByRole('button', { name: 'Download' }).first().click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe('not json 1');
  await kept.getByRole('button', { name: 'Delete' }).first().click();
  await kept.getByRole('button', { name: 'Delete for good' }).click();
  await expect(kept.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Unreadable saves kept' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page);
});

test('the one-click restore after an import goes once the imported scenario is changed; its restore point stays', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await page.goto('./#/data');
  await importFile(page, 'valid-v1.json', readFileSync(path.join(corpus, 'valid-v1.json')));
  await expect(app.status).toContainText('Imported');
  await expect(page.getByRole('button', { name: 'Restore the previous scenario' })).toBeVisible();
  // A change to the imported scenario: putting the old one back in one
  // click would lose it.
  await app.signIn('sam@contoso.com');
  await page.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(page.locator('[data-tour="pu-since"]')).toBeVisible();
  await page.goto('./#/data');
  await expect(page.getByRole('region', { name: 'Restore points' }).getByRole('listitem')).toContainText('Before an import');
  await expect(page.getByRole('button', { name: 'Restore the previous scenario' })).toHaveCount(0);
});

test('restore points survive a reload: the scenario an import replaced comes back from Your data', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await page.goto('./#/data');
  await importFile(page, 'valid-v1.json', readFileSync(path.join(corpus, 'valid-v1.json')));
  await expect(app.status).toContainText('Imported');
  await page.reload();
  const points = page.getByRole('region', { name: 'Restore points' });
  await expect(points.getByRole('listitem')).toHaveCount(1);
  await expect(points.getByRole('listitem')).toContainText('Before an import');
  await expectAccessible(page);
  await points.getByRole('button', { name: /^Restore: Before an import/ }).click();
  await expect(points.getByRole('status')).toContainText('The scenario of that restore point is back.');
  // The list is drawn anew: the keyboard is on its heading.
  await expect(points.getByRole('heading', { name: 'Restore points' })).toBeFocused();
  // The imported scenario is kept in turn.
  await expect(points.getByRole('listitem')).toHaveCount(1);
  await expect(points.getByRole('listitem')).toContainText('Before a restore');
  const saved = JSON.parse((await exportText(page)).text);
  const kinds = saved.scenario.trail.map((e: unknown[]) => `${e[1]} ${e[2]}`);
  expect(kinds).toContain('priya@contoso.com McidLinked');
  // A restore point goes only once the question is answered: Cancel
  // (the keyboard's first stop) keeps it.
  await points.getByRole('button', { name: /^Delete: Before a restore/ }).click();
  const question = points.getByRole('alertdialog', { name: 'Delete a kept copy' });
  await expect(question).toContainText('Delete “Before a restore');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(points.getByRole('button', { name: /^Delete: Before a restore/ })).toBeFocused();
  await expect(points.getByRole('listitem')).toHaveCount(1);
  await points.getByRole('button', { name: /^Delete: Before a restore/ }).click();
  // The list is drawn anew in the language chosen: the question stays.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('region', { name: 'Points de restauration' })
    .getByRole('alertdialog', { name: 'Supprimer une copie conservée' })).toBeVisible();
  await page.getByLabel('Langue').selectOption('en');
  await question.getByRole('button', { name: 'Delete for good' }).click();
  await expect(points.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /^Deleted: Before a restore/ })).toBeVisible();
  await expect(points.getByRole('heading', { name: 'Restore points' })).toBeFocused();
  await page.reload();
  // Your data is drawn again, with no restore point kept.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data');
  await expect(page.getByRole('region', { name: 'Import' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Restore points' })).toHaveCount(0);
});

test('the invitation form keeps what was typed when another tab changes the users it lists', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const [appA, appB] = [new CertlinkPage(a), new CertlinkPage(b)];
  await appA.signIn('adam@contoso.com');
  await appA.navigate('Users');
  await a.getByLabel('Work email').fill('nina@contoso.com');
  await a.getByLabel('Display name').fill('Nina Novak');
  await appB.signIn('sam@contoso.com');
  await b.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toBeVisible();
  await expect(a.getByLabel('Work email')).toHaveValue('nina@contoso.com');
  await expect(a.getByLabel('Display name')).toHaveValue('Nina Novak');
});

test('an address being checked on an invitation keeps what was typed when another tab changes the users listed (R14)', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const [appA, appB] = [new CertlinkPage(a), new CertlinkPage(b)];
  await appA.signIn('grace@contoso.com');
  await appA.navigate('Users');
  const noah = a.getByRole('region', { name: 'Invitations with no response' }).getByRole('listitem').filter({ hasText: 'Noah Nakamura' });
  await noah.getByRole('button', { name: 'Verify email address' }).click();
  await noah.getByLabel('Email address used').fill('noah@contoso.c');
  await appB.signIn('sam@contoso.com');
  await b.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Updated with changes made in another tab.' })).toBeVisible();
  await expect(noah.getByLabel('Email address used')).toHaveValue('noah@contoso.c');
  // Finished and confirmed, the check closes.
  await noah.getByLabel('Email address used').fill('noah@contoso.com');
  await noah.getByLabel('Email address used').press('Enter');
  await expect(appA.status).toContainText('the invitation now goes to noah@contoso.com. (R14)');
  await expect(a.getByLabel('Email address used')).toHaveCount(0);
});
