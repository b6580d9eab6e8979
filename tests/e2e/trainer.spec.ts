// Trainer mode: the panel, the scenario clock (D1), trainer
// actions (persona, passed exams, D7), the audit timeline (D4) and
// presenter mode.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, expectLeavingToAsk, fullStorageWhenAsked } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD } from './pages/certlink_page';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Trainer panel' });

/** Opens the panel, unless this tab had it open before a reload. */
async function openPanel(page: Page) {
  const toggle = page.getByRole('button', { name: 'Trainer' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(panel(page)).toBeVisible();
}

async function persona(page: Page, email: string) {
  await panel(page).getByLabel('Work account').selectOption(email);
  await panel(page).getByRole('button', { name: 'Switch persona' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My Profile');
}

test('the trainer panel opens from the header and with Alt+Shift+T, and passes axe', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  const toggle = page.getByRole('button', { name: 'Trainer' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Alt+Shift+T');
  await expect(panel(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // The keyboard lands in the panel it opened.
  await expect(panel(page).getByLabel('FAQ case', { exact: true })).toBeFocused();
  await expect(panel(page).getByRole('status').filter({ hasText: /\S/ })).toContainText('(real time)');
  await expectAccessible(page);
  // A scenario date left empty is refused, in words, and the clock stays.
  await panel(page).locator('input[name="clock-date"]').fill('');
  await panel(page).getByRole('button', { name: 'Set the date' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('Enter a whole date, with its day, month and year');
  await expect(panel(page).getByRole('status').filter({ hasText: /\S/ })).toContainText('(real time)');
  await panel(page).locator('input[name="clock-date"]').focus();
  // Closed from inside with the same keys, it hands the keyboard to its toggle.
  await page.keyboard.press('Alt+Shift+T');
  await expect(panel(page)).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await toggle.click();
  await toggle.click();
  await expect(panel(page)).toHaveCount(0);
});

/** Mia, now at Fabrikam, links her MCID there (R12 unlinks Contoso); Felix,
 *  Fabrikam's admin, opens the skills report: her rows, pending (D7). */
async function miaLinkedAtFabrikamSeenByFelix(page: Page) {
  const app = new CertlinkPage(page);
  await app.signIn('mia@fabrikam.com');
  await app.associateMcid('mia.moreau@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('now linked to Fabrikam');
  await openPanel(page);
  await persona(page, 'felix@fabrikam.com');
  await app.navigate('Skills report');
  const mia = app.reportRows('Mia Moreau');
  await expect(mia.first()).toBeVisible();
  await expect(mia.filter({ hasText: 'Counts since' })).toHaveCount(0);
  await expect(mia.first()).toContainText('Pending: expected between');
  return mia;
}

test('the clock: a new link is pending in the skills report before +72 hours and counts after (D1, D7)', async ({ page }) => {
  const mia = await miaLinkedAtFabrikamSeenByFelix(page);

  await panel(page).getByRole('button', { name: '+72 hours' }).click();
  await expect(panel(page).getByRole('status').filter({ hasText: /\S/ })).toContainText('(moved by the trainer)');
  await expect(mia.filter({ hasText: 'Pending' })).toHaveCount(0);
  await expect(mia.first()).toContainText('Counts since');
  await expectAccessible(page);

  await panel(page).getByRole('button', { name: 'Back to real time' }).click();
  await expect(mia.first()).toContainText('Pending: expected between');
  await panel(page).getByLabel('Scenario date').fill('2027-06-01');
  await panel(page).getByRole('button', { name: 'Set the date' }).click();
  await expect(panel(page).getByRole('status').filter({ hasText: /\S/ }).first()).toContainText('June 1, 2027 at 00:00 UTC (moved by the trainer)');
  await expect(mia.first()).toContainText('Counts since');
});

test('a report left open while real time passes +72 hours downloads as of the click, and shows the same: the new link counts (D1, D7)', async ({ page }) => {
  // The page's own clock, moved on with no change made in Certlink.
  await page.clock.install({ time: new Date('2026-12-07T09:00:00Z') });
  const mia = await miaLinkedAtFabrikamSeenByFelix(page);

  await page.clock.fastForward(73 * 60 * 60 * 1000);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download skills report' }).click(),
  ]);
  const miasLines = readFileSync(await download.path(), 'utf8').split('\n').filter((line) => line.startsWith('"Mia Moreau"'));
  expect(miasLines.length).toBeGreaterThan(0);
  for (const line of miasLines) {
    expect(line).toContain('"Counts"');
    expect(line).not.toContain('"Pending"');
  }
  await expect(mia.filter({ hasText: 'Pending' })).toHaveCount(0);
  await expect(mia.first()).toContainText('Counts since');
});

test('an exam the trainer marks as passed appears 7 to 10 days later (D7)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  await openPanel(page);
  await persona(page, 'adam@contoso.com');
  await panel(page).getByLabel('Microsoft Learning or Partner University account').selectOption({ label: 'Chen Li (MCID 985005678)' });
  await panel(page).getByLabel('Exam or assessment', { exact: true }).selectOption('SC-200');
  await panel(page).getByRole('button', { name: 'Mark as passed now' }).click();
  await expect(panel(page).getByRole('status').filter({ hasText: 'passed SC-200' })).toContainText('985005678 passed SC-200');
  await app.navigate('Skills report');
  const sc200 = app.reportRows('Chen Li').filter({ hasText: 'SC-200' });
  await expect(sc200).toContainText('Pending');
  await panel(page).getByRole('button', { name: '+10 days' }).click();
  await expect(sc200).toContainText('Counts since');

  // An assessment belongs to Partner University: the rules refuse it on an MCID.
  await panel(page).getByLabel('Exam or assessment', { exact: true }).selectOption('PU-SEC-101');
  await panel(page).getByRole('button', { name: 'Mark as passed now' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('(D7)');
});

test('the audit timeline shows the automatic unlink with both organisations, filtered by person and organisation (D4, R12)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('mia@fabrikam.com');
  await app.associateMcid('mia.moreau@outlook.com', LEARN_PASSWORD);
  await openPanel(page);
  await panel(page).getByRole('link', { name: 'Audit timeline' }).click();
  await expect(app.heading).toHaveText('Audit timeline');
  const unlink = page.getByRole('listitem').filter({ hasText: 'automatically unlinked' });
  await expect(unlink).toContainText('automatically unlinked from Contoso because it is now linked with Fabrikam');
  await expect(unlink).toContainText('R12');
  await expect(unlink).toContainText('By mia@fabrikam.com');

  const all = await page.getByRole('listitem').count();
  // The count is said in a status region already on the page, so that a
  // screen reader says the new one.
  await page.evaluate(() => document.querySelectorAll('main [role=status]').forEach((e) => e.setAttribute('data-before', '')));
  await page.getByLabel('Person', { exact: true }).selectOption('mia@fabrikam.com');
  await expect(unlink).toBeVisible();
  await expect(page.locator('main [role=status][data-before]').filter({ hasText: / of \d+ changes/ })).toHaveCount(1);
  await expect(page.getByRole('listitem')).not.toHaveCount(all);
  await expect(page.getByRole('listitem').filter({ hasText: 'lena@contoso.com' })).toHaveCount(0);
  await page.getByLabel('Person', { exact: true }).selectOption('');
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Fabrikam' });
  await expect(unlink).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'lena@contoso.com' })).toHaveCount(0);
  await expectAccessible(page);
});

test('presenter mode stays on through a reload with the panel closed, before the panel’s part comes', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  await openPanel(page);
  await panel(page).getByLabel('Large text for projectors').check();
  await page.getByRole('button', { name: 'Trainer' }).click();
  await expect(panel(page)).toHaveCount(0);
  // Home needs nothing of the later parts: hold their stylesheet back.
  await page.route(/\/style-later-[0-9a-f]{16}\.css$/, (route) => route.abort());
  await page.reload();
  await expect(app.heading).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
});

test('presenter mode makes the text larger, and French rewords the panel live', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  await openPanel(page);
  const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await size()).toBe('16px');
  await panel(page).getByLabel('Large text for projectors').check();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  expect(await size()).toBe('20px');
  // A reload in front of the room keeps the large text and the panel open;
  // another tab has neither.
  await page.reload();
  await expect(panel(page)).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(panel(page).getByLabel('Large text for projectors')).toBeChecked();
  const other = await page.context().newPage();
  await other.goto('./#/');
  await expect(other.getByRole('button', { name: 'Trainer' })).toHaveAttribute('aria-expanded', 'false');
  await expect(other.locator('html')).not.toHaveClass(/presenter/);
  await other.close();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('complementary', { name: 'Panneau du formateur' })).toContainText('Horloge du scénario');
  // The holders of a pass are worded live too, down to Partner University's.
  const holders = page.getByLabel('Compte Microsoft Learning ou Université partenaire');
  await expect(holders.locator('option', { hasText: '(Université partenaire)' }).first()).toBeAttached();
  await expect(holders.locator('option', { hasText: '(Partner University)' })).toHaveCount(0);
  await expectAccessible(page);
});

const builtIns: [string, string, string][] = [
  ['First link of an MCID (R8)', 'Priya Patel', 'My Profile'],
  ['Partner University access (R6)', 'Sam Sato', 'My Profile'],
  ['Same credentials shortcut (R9)', 'Sam Sato', 'My Profile'],
  ['Unlinking an MCID (R11)', 'Chen Li', 'My Profile'],
  ['Moving from company A to company B (R12)', 'Mia Moreau', 'My Profile'],
  ['Leaving the company, removal from the report (R13)', 'Grace Garcia', 'Users'],
  ['An unanswered invitation (R14)', 'Adam Adebayo', 'Users'],
  ['The yearly limit reached (R15)', 'Lena Lindqvist', 'My Profile'],
  ['An MCID merge question (R16)', 'Chen Li', 'Support'],
];

test('the clock cannot go back to before the last change: the panel says so and the clock stays (D1)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await openPanel(page);
  const clock = panel(page).getByRole('status').filter({ hasText: /Scenario time|Heure du scénario/ });
  await panel(page).getByRole('button', { name: '+72 hours' }).click();
  await expect(clock).toContainText('(moved by the trainer)');
  await app.navigate('My Profile');
  await page.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(page.locator('[data-tour="pu-since"]')).toBeVisible();
  // Back to real time would put that change in the future, and every
  // later one would be refused: the move is refused, with the next step.
  await panel(page).getByRole('button', { name: 'Back to real time' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('The clock stays where it is');
  await expect(panel(page).getByRole('alert')).toContainText('Choose a time after it.');
  await expect(clock).toContainText('(moved by the trainer)');
  await panel(page).getByLabel('Scenario date').fill('2020-06-01');
  await panel(page).getByRole('button', { name: 'Set the date' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('The clock stays where it is');
  await expect(clock).toContainText('(moved by the trainer)');
  // Forward is always allowed, and clears the refusal.
  await panel(page).getByRole('button', { name: '+10 days' }).click();
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Revenir à l’heure réelle' }).click();
  await expect(page.getByRole('alert')).toContainText('L’horloge reste où elle est');
});

test('each scenario has its own clock: a case starts on real time, and Back to my scenario finds the clock it left (D1)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  await openPanel(page);
  const clock = panel(page).getByRole('status').filter({ hasText: /Scenario time|Heure du scénario/ });
  await panel(page).getByRole('button', { name: '+10 days' }).click();
  await panel(page).getByRole('button', { name: '+10 days' }).click();
  await expect(clock).toContainText('(moved by the trainer)');
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: 'Same credentials shortcut (R9)' });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  await expect(clock).toContainText('(real time)');
  // A reload in the case keeps its clock, and the case still takes changes.
  await panel(page).getByRole('button', { name: '+72 hours' }).click();
  await page.reload();
  await openPanel(page);
  await expect(clock).toContainText('(moved by the trainer)');
  await page.getByRole('button', { name: /Use sam@contoso\.com/ }).click();
  await expect(app.status).toContainText('(R9)');
  // Loaded again, the case starts over on real time, and can go back to it.
  await panel(page).getByRole('button', { name: '+72 hours' }).click();
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: 'Same credentials shortcut (R9)' });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  await expect(clock).toContainText('(real time)');
  await panel(page).getByRole('button', { name: '+72 hours' }).click();
  await panel(page).getByRole('button', { name: 'Back to real time' }).click();
  await expect(clock).toContainText('(real time)');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to my scenario' }).click();
  // Twenty days on, as it was left.
  await expect(clock).toContainText('(moved by the trainer)');
  await expect(clock).toContainText(new Date(Date.now() + 20 * 86400000).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }));
});

test('a scenario put back from a clock further on moves the clock forward to it: its next change is not refused (D1)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await openPanel(page);
  await panel(page).getByRole('button', { name: '+10 days' }).click();
  await panel(page).getByRole('button', { name: '+10 days' }).click();
  // A change twenty days on, in the person's own scenario.
  await page.locator('[data-tour="get-pu-access"]').click();
  await expect(page.locator('[data-tour="pu-since"]')).toBeVisible();
  // A copy in the library: a space of its own, whose clock starts on real
  // time, twenty days before the copy's last change.
  await page.goto('./#/library');
  await page.locator('input[name="library-name"]').fill('Later');
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.locator('.library-entry').filter({ hasText: 'Later (open)' })).toBeVisible();
  await app.signIn('priya@contoso.com');
  await page.locator('[data-tour="remove-pu-access"]').click();
  await expect(app.alert).toHaveCount(0);
  await expect(page.locator('[data-tour="get-pu-access"]')).toBeVisible();
  await expect(panel(page).getByRole('status').filter({ hasText: 'Scenario time' })).toContainText('(moved by the trainer)');
});

test('each built-in scenario loads on its persona and page, and loads again from the start', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  await openPanel(page);
  for (const [name, person, heading] of builtIns) {
    await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: name });
    await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
    await expect(panel(page).getByRole('status').filter({ hasText: 'Loaded:' })).toContainText(`Loaded: ${name}`);
    // The way back it names is the one there is (no restore point is made).
    await expect(panel(page).getByRole('status').filter({ hasText: 'Loaded:' })).toContainText('Back to my scenario returns to it');
    await expect(page.getByRole('button', { name: 'Back to my scenario' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(person);
    await expect(app.heading).toHaveText(heading);
  }
  // The R9 case starts with Partner University access, so the shortcut is there.
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: builtIns[2][0] });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  await page.getByRole('button', { name: /Use sam@contoso\.com/ }).click();
  await expect(app.status).toContainText('(R9)');
  // Loading it again starts over: the shortcut is back.
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  await expect(page.getByRole('button', { name: /Use sam@contoso\.com/ })).toBeVisible();
});

test('a built-in case runs apart: Back to my scenario finds the person\'s own as it was; Keep this case as my scenario makes it theirs, with a restore point', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await openPanel(page);
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: 'Same credentials shortcut (R9)' });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  const apart = page.getByRole('status').filter({ hasText: 'You are in a built-in case.' });
  await expect(apart).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /Use sam@contoso\.com/ }).click();
  await expect(app.status).toContainText('(R9)');
  // A reload stays in the case; Back to my scenario is Priya's, linked.
  await page.reload();
  await expect(apart).toBeVisible();
  await apart.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(apart).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Priya Patel');
  await app.navigate('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  // The case again, kept as her own this time: the scenario it replaced
  // is a restore point.
  await openPanel(page);
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: 'Same credentials shortcut (R9)' });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  await page.getByRole('button', { name: 'Keep this case as my scenario' }).click();
  await expect(apart).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Sam Sato');
  await app.navigate('Your data');
  await expect(page.getByRole('region', { name: 'Restore points' }).getByRole('listitem')).toContainText(
    'Before a built-in case became your scenario',
  );
});

test('a change not saved (storage full) is still there, still said unsaved, after a built-in case and Back to my scenario', async ({ page }) => {
  await fullStorageWhenAsked(page);
  const app = new CertlinkPage(page);
  // The person's own scenario cannot be written; the case's space can.
  await app.linkPriyaNotSaved();
  const full = app.storageFull;
  await app.loadCase();
  const apart = app.caseNotice;
  await expect(full).toHaveCount(0);
  // The case's notice says the change kept apart is not saved, and
  // leaving the page asks first.
  await expect(apart).toContainText('with your last change to it, which is not saved yet');
  await expectLeavingToAsk(page);
  await expect(apart).toBeVisible();
  await apart.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(apart).toHaveCount(0);
  // Priya's link is on screen again, and the banner says it is not saved.
  await expect(page.getByRole('banner')).toContainText('Priya Patel');
  await expect(full).toBeVisible();
  await app.navigate('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  // Room made, the next change saves both.
  await page.evaluate(() => sessionStorage.removeItem('test.full'));
  await page.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(full).toHaveCount(0);
  const saved = await page.evaluate(() => localStorage.getItem('certlink.document') ?? '');
  expect(saved).toMatch(/"priya@contoso\.com",\s*"McidLinked"/);
});

test('the persona list opens on who is signed in, marked so, and follows a switch (EN, FR)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('sam@contoso.com');
  await openPanel(page);
  const list = panel(page).getByLabel('Work account');
  await expect(list).toHaveValue('sam@contoso.com');
  await expect(list.locator('option:checked')).toHaveText('Sam Sato (sam@contoso.com) (signed in)');
  await expect(list.locator('option', { hasText: '(signed in)' })).toHaveCount(1);
  await persona(page, 'adam@contoso.com');
  await expect(list).toHaveValue('adam@contoso.com');
  await expect(list.locator('option:checked')).toContainText('(signed in)');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByLabel('Compte professionnel').locator('option:checked')).toContainText('(adam@contoso.com) (session ouverte)');
});

test('an import or a reset on Your data during a built-in case replaces the person\'s own scenario, not the case\'s', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await page.goto('./#/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  // A built-in case, then Your data: its import goes to the person's own.
  await app.signIn('grace@contoso.com');
  await openPanel(page);
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: 'Same credentials shortcut (R9)' });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  const apart = page.getByRole('status').filter({ hasText: 'You are in a built-in case.' });
  await expect(apart).toBeVisible();
  await page.goto('./#/data');
  await page.getByLabel('Choose a Certlink file').setInputFiles({
    name: 'own.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported.replaceAll('"Contoso"', '"Contoso Imported"')),
  });
  await expect(app.status).toContainText('Imported');
  await expect(apart).toHaveCount(0);
  await app.signIn('priya@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso Imported');
  // The case again (the panel is still open): a reset on Your data resets
  // the person's own too.
  await expect(panel(page)).toBeVisible();
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: 'Same credentials shortcut (R9)' });
  await panel(page).getByRole('button', { name: 'Load (or start again)' }).click();
  await expect(apart).toBeVisible();
  await page.goto('./#/data');
  await page.getByRole('button', { name: 'Reset to demo data' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(apart).toHaveCount(0);
  await app.signIn('priya@contoso.com');
  await expect(page.locator('header .who-org')).toHaveText('Contoso');
  await expect(page.getByText('No Microsoft Learning account is associated with this profile.')).toBeVisible();
});

test('a browser whose sessionStorage refuses every write still keeps a loaded case apart from the person’s scenario', async ({ page }) => {
  // sessionStorage full (another page of the origin) while localStorage works.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.sessionStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const app = new CertlinkPage(page);
  await app.linkPriya();
  const own = () => page.evaluate(() => localStorage.getItem('certlink.document') ?? '');
  const before = await own();
  expect(before).toMatch(/"priya@contoso\.com",\s*"McidLinked"/);
  await app.loadCase();
  // The case is saved in the cases' space; the person's scenario is as it was.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('case:certlink.document') !== null)).toBe(true);
  expect(await own()).toBe(before);
  await app.caseNotice.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(app.caseNotice).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Priya Patel');
  await page.goto('./#/profile');
  await expect(page.getByRole('region', { name: 'Microsoft exams and certifications' })).toContainText('985001234');
  expect(await own()).toBe(before);
});
