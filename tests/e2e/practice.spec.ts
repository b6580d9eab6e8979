// Practice mode: each of the nine tasks done with the keyboard alone, in
// English and in French, then checked; wrong moves and hints counted in
// the score; progress kept across a reload, resumed, reset; the results
// and a handout printed. Every test ends with axe (fixtures.ts).
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, fullStorageWhenAsked, settled } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD } from './pages/certlink_page';

type Lang = 'en' | 'fr';

/** The keyboard alone: the control takes the focus, Enter activates it. */
async function press(control: Locator) {
  // A page drawn again hands the keyboard on in the next frame: the focus
  // is taken once that has happened, as a person tabbing would, or the
  // hand-off would take it back between the focus and the Enter.
  await settled(control.page());
  await expect(async () => {
    await control.focus();
    await expect(control).toBeFocused({ timeout: 100 });
  }).toPass({ timeout: 5_000 });
  await control.page().keyboard.press('Enter');
}

/** Types into a field with the keyboard, replacing what it held. */
async function type(field: Locator, text: string) {
  await settled(field.page());
  await field.focus();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
}

const tour = (page: Page, name: string) => page.locator(`[data-tour="${name}"]`);
const bar = (page: Page) => page.locator('.practice-bar');

async function openProfile(page: Page) {
  await press(page.locator('a.profile-button'));
  await expect(tour(page, 'exams')).toBeVisible();
}

async function associate(page: Page, username: string) {
  await openProfile(page);
  await press(page.locator('#associate'));
  // The form opens with the keyboard in its first field.
  await expect(page.locator('input[name="mcid-username"]')).toBeFocused();
  await type(page.locator('input[name="mcid-username"]'), username);
  await type(page.locator('input[name="mcid-password"]'), LEARN_PASSWORD);
  await page.keyboard.press('Enter');
}

async function nav(page: Page, hash: string) {
  await press(page.locator(`.nav a[href="${hash}"]`));
}

/** What the learner does for each case, keyboard only, from the page the
 *  task starts on. */
const tasks: Record<string, (page: Page) => Promise<void>> = {
  r8: (page) => associate(page, 'priya.patel@outlook.com'),
  r6: async (page) => {
    await openProfile(page);
    await press(tour(page, 'get-pu-access'));
    await expect(tour(page, 'pu-since')).toBeVisible();
  },
  r9: async (page) => {
    await openProfile(page);
    await press(tour(page, 'same-credentials'));
    await expect(tour(page, 'linked-mcid')).toBeVisible();
  },
  r11: async (page) => {
    await openProfile(page);
    await press(tour(page, 'remove-access'));
    await expect(tour(page, 'outcome')).toBeVisible();
  },
  r12: async (page) => {
    await associate(page, 'mia.moreau@outlook.com');
    await expect(tour(page, 'outcome')).toBeVisible();
  },
  r13: async (page) => {
    await nav(page, '#/users');
    await press(tour(page, 'delete leo@contoso.com'));
    // The confirmation opens with the keyboard on Cancel, the harmless choice.
    await expect(page.locator('[data-confirm] .cancel')).toBeFocused();
    await press(page.locator('[data-confirm] .danger'));
    await expect(tour(page, 'delete leo@contoso.com')).toHaveCount(0);
    await nav(page, '#/skills-report');
    await press(tour(page, 'remove-from-report leo@contoso.com').first());
    await expect(tour(page, 'remove-from-report leo@contoso.com')).toHaveCount(0);
  },
  r14: async (page) => {
    await nav(page, '#/users');
    await press(tour(page, 'verify noah@contso.com'));
    await type(page.locator('input[name="verify-email"]'), 'noah@contoso.com');
    await page.keyboard.press('Enter');
    await press(tour(page, 'resend noah@contoso.com'));
    await expect(tour(page, 'outcome')).toBeVisible();
  },
  r15: async (page) => {
    await associate(page, 'lena.lindqvist@outlook.com');
    await expect(tour(page, 'refusal R15')).toContainText('R15');
  },
  r16: async (page) => {
    await nav(page, '#/support');
    await page.locator('input[name="problem"]').nth(2).focus();
    await page.keyboard.press('Space');
    await type(page.locator('textarea[name="details"]'), 'I have two MCIDs to merge.');
    await press(tour(page, 'ticket-form').getByRole('button'));
    await expect(tour(page, 'tickets').locator('li')).toHaveCount(1);
  },
};

const words = {
  en: { check: 'Check my work', done: 'Done: the goal holds. Score 100 / 100', passed: 'Passed', notStarted: 'Not started' },
  fr: { check: 'Vérifier mon travail', done: 'Terminé : l’objectif est atteint. Score 100 / 100', passed: 'Réussi', notStarted: 'Pas commencé' },
};

async function start(page: Page, lang: Lang, code: string) {
  await page.goto(`./?lang=${lang}#/practice`);
  await press(page.locator(`#practice-start-${code}`));
  // The task's bar takes the keyboard: its heading names the case.
  await expect(page.locator('#practice-task')).toBeFocused();
  await expect(page.locator('#practice-task')).toContainText(`(${code.toUpperCase()})`);
}

for (const lang of ['en', 'fr'] as const) {
  test(`each of the nine tasks, done with the keyboard alone, passes its check (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const [code, doIt] of Object.entries(tasks)) {
      await start(page, lang, code);
      await doIt(page);
      await press(page.locator('#check-my-work'));
      await expect(bar(page).locator('.practice-result')).toContainText(words[lang].done);
      // Check my work is gone with the task: the keyboard is on the way back.
      await expect(page.locator('#back-to-practice')).toBeFocused();
      await expectAccessible(page);
      await press(page.locator('#back-to-practice'));
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      const row = page.locator(`#practice-start-${code}`).locator('xpath=ancestor::tr');
      await expect(row.locator('.state')).toHaveText(words[lang].passed);
      await expect(row.locator('.best')).toHaveText('100 / 100');
    }
    await expect(page.locator('.results-line')).toContainText(
      lang === 'en' ? '9 of 9 cases passed; overall score 100 / 100.' : '9 cas réussis sur 9 ; score d’ensemble 100 / 100.',
    );
  });
}

test('a wrong move and a hint count against the score, and Check my work says what is missing (R12)', async ({ page }) => {
  await start(page, 'en', 'r12');
  await press(page.locator('#check-my-work'));
  const result = bar(page).locator('.practice-result');
  await expect(result).toContainText('Not yet. Still missing:');
  await expect(result.locator('li')).toHaveText([
    'The MCID is not linked to Fabrikam through the person’s own work account. (R8)',
    'The link with Contoso did not end the way a move ends it. (R12)',
  ]);
  // A wrong password: refused (R8), counted, and shown with the article's words.
  await openProfile(page);
  await press(page.locator('#associate'));
  // The form opens with the keyboard in its first field.
  await expect(page.locator('input[name="mcid-username"]')).toBeFocused();
  await type(page.locator('input[name="mcid-username"]'), 'mia.moreau@outlook.com');
  await type(page.locator('input[name="mcid-password"]'), 'not the password');
  await page.keyboard.press('Enter');
  await expect(tour(page, 'refusal R8')).toBeVisible();
  await expect(bar(page).getByRole('heading', { name: 'Refusals met (1)' })).toBeVisible();
  const refusal = bar(page).locator('.refusals-met summary');
  await expect(refusal).toContainText('R8');
  await press(refusal);
  await expect(bar(page).locator('.refusals-met blockquote')).toContainText('MCID');
  // A hint, then the way the task asks.
  await press(page.locator('#show-hint'));
  await expect(bar(page).locator('.hints li')).toHaveCount(1);
  await expect(page.locator('#show-hint'), 'more hints are left: the keyboard stays').toBeFocused();
  // Said as it comes, in a status region that was there before it.
  await expect(bar(page).getByRole('status').filter({ hasText: await bar(page).locator('.hints li').first().innerText() })).toHaveCount(1);
  await type(page.locator('input[name="mcid-password"]'), LEARN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(tour(page, 'outcome')).toBeVisible();
  await press(page.locator('#check-my-work'));
  await expect(result).toContainText('Done: the goal holds. Score 85 / 100: 1 hint (−10), 1 refusal (−5).');
  await press(page.locator('#back-to-practice'));
  const row = page.locator('#practice-start-r12').locator('xpath=ancestor::tr');
  await expect(row.locator('.best')).toHaveText('85 / 100');
});

test('a guided tour leaves a task left for now as it was, and its refusals do not count against it', async ({ page }) => {
  await start(page, 'en', 'r12');
  // The task's work, done before the learner leaves it for now.
  await tasks.r12(page);
  await press(page.locator('#leave-practice'));
  await expect(page).toHaveURL(/#\/practice$/);
  // A guided tour, and a wrong password in it: refused (R8).
  await page.goto('./#/faq/r8-link-mcid');
  await page.locator('#show-me-r8-link-mcid').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // The tour's dialog keeps the keyboard: the page is used with the mouse.
  await page.getByRole('banner').getByRole('link', { name: 'My Profile' }).click();
  await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await page.getByLabel('Microsoft Learning username').fill('priya.patel@outlook.com');
  await page.getByLabel('Microsoft Learning password').fill('not the password');
  await page.getByRole('button', { name: 'Associate', exact: true }).click();
  await expect(tour(page, 'refusal R8')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Exit the tour' }).click();
  // The task, resumed, met no refusal.
  await page.goto('./#/practice');
  await press(page.locator('#practice-start-r12'));
  await expect(page.locator('#practice-task')).toContainText('(R12)');
  await expect(bar(page).getByRole('heading', { name: /Refusals met/ })).toHaveCount(0);
  // The tour ran in the tours' space: the task resumed as it was left,
  // its work there, and passes without doing it again.
  await press(page.locator('#check-my-work'));
  await expect(bar(page).locator('.practice-result')).toContainText('Score 100 / 100');
});

test('a task done partly as another person of its case resumes as it was left, that person still signed in (R13)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await start(page, 'en', 'r13');
  // Leo removes his own access first: a valid way.
  await app.signIn('leo@contoso.com');
  await openProfile(page);
  await press(tour(page, 'remove-access'));
  await expect(tour(page, 'outcome')).toBeVisible();
  await press(page.locator('#leave-practice'));
  await press(page.locator('#practice-start-r13'));
  await expect(page.locator('#practice-task')).toContainText('(R13)');
  await expect(page.getByRole('banner')).toContainText('Leo Laurent');
  await openProfile(page);
  await expect(page.getByRole('button', { name: 'Remove access' })).toHaveCount(0);
  // Grace deletes his account (he is in no report now); the check holds
  // on the scenario the task began on.
  await app.signIn('grace@contoso.com');
  await nav(page, '#/users');
  await press(tour(page, 'delete leo@contoso.com'));
  await press(page.locator('[data-confirm] .danger'));
  await expect(tour(page, 'delete leo@contoso.com')).toHaveCount(0);
  await press(page.locator('#check-my-work'));
  await expect(bar(page).locator('.practice-result')).toContainText('Score 100 / 100');
});

test('a tour link opened in another tab while a task runs leaves the task as it was', async ({ page, context }) => {
  await start(page, 'en', 'r12');
  await tasks.r12(page);
  // A trainer's link to a tour, opened in another tab of the same browser.
  const other = await context.newPage();
  await other.goto('./#/profile?tour=r8&step=1');
  await expect(other.getByRole('dialog')).toBeVisible();
  await other.close();
  await press(page.locator('#check-my-work'));
  await expect(bar(page).locator('.practice-result')).toContainText('Score 100 / 100');
});

for (const onScreen of [true, false]) {
  test(`a task an earlier build left in the tours' space resumes with its work (${onScreen ? 'on screen' : 'from another tab'})`, async ({ page }) => {
  await start(page, 'en', 'r12');
  await tasks.r12(page);
  // Where an earlier build kept a task: the tours' space, this tab in it,
  // or in the person's own (a tab opened after the new build came).
  await page.evaluate((onScreen) => {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith('certlink-practice:')) continue;
      localStorage.setItem(key.replace('certlink-practice:', 'case:'), localStorage.getItem(key) ?? '');
      localStorage.removeItem(key);
    }
    if (onScreen) sessionStorage.setItem('certlink.space', 'case');
    else sessionStorage.clear();
  }, onScreen);
  await page.goto('./#/practice');
  await page.reload();
  await press(page.locator('#practice-start-r12'));
  await expect(page.locator('#practice-task')).toContainText('(R12)');
  await press(page.locator('#check-my-work'));
  await expect(bar(page).locator('.practice-result')).toContainText('Score 100 / 100');
  expect(await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('certlink-practice:')))).toBe(true);
  });
}

test('a task open in two tabs: the hints shown in one count in the other’s score', async ({ page }) => {
  await start(page, 'en', 'r8');
  // The same task resumed in a second tab, before any hint.
  const other = await page.context().newPage();
  await other.goto('./#/practice');
  await press(other.locator('#practice-start-r8'));
  await expect(other.locator('#practice-task')).toContainText('(R8)');
  // A hint in the first tab; the task done and checked in the second.
  await press(page.locator('#show-hint'));
  await expect(bar(page).locator('.hints li')).toHaveCount(1);
  await tasks.r8(other);
  await press(other.locator('#check-my-work'));
  await expect(bar(other).locator('.practice-result')).toContainText('Score 90 / 100: 1 hint (−10)');
  await other.close();
});

test('the practice bar hands the keyboard on: the last hint to Check my work, Leave for now to the practice page', async ({ page }) => {
  await start(page, 'en', 'r8');
  // Each hint keeps the keyboard on Show a hint until none is left.
  for (let shown = 1; shown < 10; shown++) {
    await press(page.locator('#show-hint'));
    await expect(bar(page).locator('.hints li')).toHaveCount(shown);
    if ((await page.locator('#show-hint').count()) === 0) break;
    await expect(page.locator('#show-hint')).toBeFocused();
  }
  await expect(page.locator('#show-hint')).toHaveCount(0);
  await expect(page.locator('#check-my-work')).toBeFocused();
  await press(page.locator('#leave-practice'));
  await expect(page).toHaveURL(/#\/practice$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(page);
});

test('a manual unlink before the move is not the task: the check names the automatic unlink (R12)', async ({ page }) => {
  // Mia unlinks from Contoso by hand first, then links with Fabrikam: the
  // outcome looks right, but the move's automatic unlink never happened.
  await start(page, 'en', 'r12');
  await page.evaluate(() => { window.location.hash = '#/sign-in'; });
  await page.getByLabel('Work email').fill('mia@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await press(tour(page, 'remove-access'));
  await expect(tour(page, 'outcome')).toBeVisible();
  await page.evaluate(() => { window.location.hash = '#/sign-in'; });
  await page.getByLabel('Work email').fill('mia@fabrikam.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await press(page.locator('#associate'));
  // The form opens with the keyboard in its first field.
  await expect(page.locator('input[name="mcid-username"]')).toBeFocused();
  await type(page.locator('input[name="mcid-username"]'), 'mia.moreau@outlook.com');
  await type(page.locator('input[name="mcid-password"]'), LEARN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(tour(page, 'outcome')).toBeVisible();
  await press(page.locator('#check-my-work'));
  await expect(bar(page).locator('.practice-result li')).toHaveText([
    'The link with Contoso did not end the way a move ends it. (R12)',
  ]);
});

test('progress survives a reload, a task resumes where it was left, and a reset asks first', async ({ page }) => {
  await start(page, 'en', 'r6');
  await openProfile(page);
  await press(tour(page, 'get-pu-access'));
  await expect(tour(page, 'pu-since')).toBeVisible();
  await page.reload();
  // The task goes on after a reload, with what was done.
  await expect(page.locator('#practice-task')).toContainText('(R6)');
  await expect(tour(page, 'pu-since')).toBeVisible();
  await press(page.locator('#leave-practice'));
  await expect(page).toHaveURL(/#\/practice$/);
  await expect(bar(page)).toHaveCount(0);
  await page.reload();
  const row = page.locator('#practice-start-r6').locator('xpath=ancestor::tr');
  await expect(row.locator('.state')).toHaveText('In progress');
  await expect(page.locator('#practice-start-r6')).toHaveText('Resume');
  await press(page.locator('#practice-start-r6'));
  await expect(page.locator('#practice-task')).toBeFocused();
  await openProfile(page);
  await expect(tour(page, 'pu-since')).toBeVisible();
  await press(page.locator('#check-my-work'));
  await expect(bar(page).locator('.practice-result')).toContainText('Score 100 / 100');
  await press(page.locator('#back-to-practice'));
  await expect(row.locator('.state')).toHaveText('Passed');
  // Reset: Cancel has the keyboard first, and nothing changes on Cancel.
  await press(page.locator('#practice-reset'));
  await expect(page.locator('#practice-reset-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.locator('.state')).toHaveText('Passed');
  await press(page.locator('#practice-reset'));
  await expect(page.locator('#practice-reset-cancel')).toBeFocused();
  await press(page.locator('#practice-reset-confirm'));
  await expect(row.locator('.state')).toHaveText('Not started');
  await page.reload();
  await expect(row.locator('.state')).toHaveText('Not started');
});

test('practice progress this build cannot read is kept apart, each text under its own key, and never written over where it cannot be moved', async ({ page }) => {
  const unreadable = (page: Page) =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('certlink.practice.unreadable'))
        .sort()
        .map((key) => localStorage.getItem(key)),
    );
  await page.goto('./#/');
  await page.evaluate(() => localStorage.setItem('certlink.practice', 'p9 written by a newer Certlink'));
  await page.goto('./#/practice');
  await expect(page.getByRole('main')).toContainText('could not be read. It is kept apart, untouched');
  expect(await unreadable(page)).toEqual(['p9 written by a newer Certlink']);
  // Another tab writes progress this build cannot read, while the storage
  // has no room for a copy: this tab writes nothing over it.
  await page.evaluate(() => {
    localStorage.setItem('certlink.practice', 'p9 a second text');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('certlink.practice.unreadable')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await press(page.locator('#practice-start-r6'));
  await expect(page.locator('#practice-task')).toContainText('(R6)');
  expect(await page.evaluate(() => localStorage.getItem('certlink.practice'))).toBe('p9 a second text');
  // Room again: the second text goes beside the first, and progress is saved.
  await page.reload();
  await page.goto('./#/practice');
  await expect(page.getByRole('main')).toContainText('could not be read. It is kept apart, untouched');
  expect(await unreadable(page)).toEqual(['p9 written by a newer Certlink', 'p9 a second text']);
  await press(page.locator('#practice-start-r11'));
  await expect(page.locator('#practice-task')).toContainText('(R11)');
  expect(await page.evaluate(() => localStorage.getItem('certlink.practice'))).toMatch(/^p/);
  expect(await page.evaluate(() => localStorage.getItem('certlink.practice'))).not.toContain('second text');
});

test('starting another task while one is left for now asks first, in French; Cancel keeps the one left, with its work', async ({ page }) => {
  await start(page, 'fr', 'r6');
  await openProfile(page);
  await press(tour(page, 'get-pu-access'));
  await expect(tour(page, 'pu-since')).toBeVisible();
  await press(page.locator('#leave-practice'));
  await expect(page).toHaveURL(/#\/practice$/);
  await press(page.locator('#practice-start-r8'));
  const question = page.getByRole('alertdialog', { name: 'Commencer malgré tout' });
  await expect(question).toContainText('n’est pas terminé');
  await expect(question).toContainText('ses indices et ses refus sont perdus');
  await expect(page.locator('#practice-replace-cancel')).toBeFocused();
  // Escape keeps the task left for now, and gives the keyboard back.
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(page.locator('#practice-start-r8')).toBeFocused();
  await expect(page.locator('#practice-start-r6')).toHaveText('Reprendre');
  await press(page.locator('#practice-start-r6'));
  await openProfile(page);
  await expect(tour(page, 'pu-since')).toBeVisible();
  await press(page.locator('#leave-practice'));
  // Asked again, and started anyway: R8 is the task, R6 can only start over.
  await press(page.locator('#practice-start-r8'));
  await press(page.locator('#practice-replace-confirm'));
  await expect(page.locator('#practice-task')).toContainText('(R8)');
  await expect(page.locator('#practice-task')).toBeFocused();
});

test('giving up scores 0 and fails the case; the own scenario was never touched', async ({ page }) => {
  await start(page, 'en', 'r11');
  await press(page.locator('#give-up'));
  await expect(page).toHaveURL(/#\/practice$/);
  const row = page.locator('#practice-start-r11').locator('xpath=ancestor::tr');
  await expect(row.locator('.state')).toHaveText('Failed');
  await expect(row.locator('.best')).toHaveText('0 / 100');
  await expect(page.locator('#practice-start-r11')).toHaveText('Try again');
  // Back in the person's own space: no case banner.
  await expect(page.locator('#back-to-own')).toHaveCount(0);
});

test('a change not saved is said kept apart while a task runs, in both languages, and is there after Leave for now', async ({ page }) => {
  await fullStorageWhenAsked(page);
  const app = new CertlinkPage(page);
  await app.linkPriyaNotSaved();
  const full = app.storageFull;
  await page.goto('./#/practice');
  await press(page.locator('#practice-start-r6'));
  await expect(bar(page)).toContainText('with your last change to it, which is not saved yet: Leave for now shows it again');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(bar(page)).toContainText('qui n’est pas encore enregistrée : Laisser pour l’instant la réaffiche');
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await press(page.locator('#leave-practice'));
  await expect(page).toHaveURL(/#\/practice$/);
  await expect(full).toBeVisible();
  await app.navigate('My Profile');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
});

test('the results and a handout print without the app around them, in both languages', async ({ page }) => {
  for (const lang of ['en', 'fr'] as const) {
    await page.goto(`./?lang=${lang}#/practice`);
    await expect(page.locator('#practice-start-r8')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.nav')).toBeHidden();
    await expect(page.locator('#practice-start-r8')).toBeHidden();
    await expect(page.locator('.practice-cases tbody tr')).toHaveCount(9);
    await expect(page.locator('.results-line')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`./?lang=${lang}#/practice/r12`);
    await expect(page.locator('#handout-print')).toBeVisible();
    await expect(page.locator('.handout-steps > li')).toHaveCount(5);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#handout-print')).toBeHidden();
    await expect(page.locator('.handout .source-quote')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  }
});
