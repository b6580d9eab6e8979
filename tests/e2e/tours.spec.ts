// Guided tours: every built-in tour runs from its first step to
// its last through the UI, doing each step as a person would, and ends on
// the state the source describes. Then what tour libraries often get
// wrong: the keyboard, clicks outside, scrolling, narrow screens, the
// address, and the language.
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, settled } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD } from './pages/certlink_page';

const dialog = (page: Page) => page.getByRole('dialog');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Trainer panel' });

/** The tour is at `step`, its ring is around a control, and the dialog
 *  does not cover that control (checked at every step of every tour). */
async function atStep(page: Page, step: number, of: number) {
  await expect(dialog(page).locator('#tour-progress')).toHaveText(`Step ${step} of ${of}`);
  await expect(async () => {
    const ring = page.locator('.tour-ring');
    await expect(ring).toBeVisible({ timeout: 100 });
    const r = (await ring.boundingBox())!;
    const control = { x: r.x + 4, y: r.y + 4, width: r.width - 8, height: r.height - 8 };
    expect(overlaps((await dialog(page).boundingBox())!, control), 'the dialog covers its control').toBe(false);
  }).toPass({ timeout: 5_000 });
}

async function next(page: Page) {
  await dialog(page).getByRole('button', { name: 'Next' }).click();
}

async function finish(page: Page) {
  await dialog(page).getByRole('button', { name: 'Finish' }).click();
  await expect(dialog(page)).toHaveCount(0);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The ring is around `control`, and the dialog does not cover it. */
async function expectHighlighted(page: Page, control: Locator) {
  await expect(async () => {
    const box = (await control.boundingBox())!;
    const ring = (await page.locator('.tour-ring').boundingBox())!;
    expect(Math.abs(ring.x + 4 - box.x)).toBeLessThan(2);
    expect(Math.abs(ring.y + 4 - box.y)).toBeLessThan(2);
    expect(Math.abs(ring.width - 8 - box.width)).toBeLessThan(2);
    const shown = (await dialog(page).boundingBox())!;
    expect(overlaps(shown, box), 'the dialog covers its control').toBe(false);
  }).toPass({ timeout: 5_000 });
}

async function showMe(page: Page, slug: string) {
  await page.goto(`./#/faq/${slug}`);
  await page.locator(`#show-me-${slug}`).click();
}

async function startFromPanel(page: Page, name: string) {
  await page.goto('./#/');
  await page.getByRole('button', { name: 'Trainer' }).click();
  await panel(page).getByLabel('FAQ case', { exact: true }).selectOption({ label: name });
  await panel(page).getByRole('button', { name: 'Start the guided tour' }).click();
}

const exams = (page: Page) => page.getByRole('region', { name: 'Microsoft exams and certifications' });

for (const [width, height] of [
  [1280, 720],
  [360, 640],
]) {
test.describe(`each built-in tour runs to its end through the UI, ${width} px wide`, () => {
  test.use({ viewport: { width, height } });

  test('first link (R8): My Profile, Associate, the MCID credentials; the MCID is linked', async ({ page }) => {
    await showMe(page, 'r8-link-mcid');
    await expect(dialog(page)).toHaveAccessibleName('First link of an MCID (R8)');
    await atStep(page, 1, 4);
    const profileIcon = page.getByRole('banner').getByRole('link', { name: 'My Profile' });
    await expectHighlighted(page, profileIcon);
    await profileIcon.click();
    await atStep(page, 2, 4);
    await expect(page).toHaveURL(/#\/profile\?tour=r8&step=2$/);
    await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
    await atStep(page, 3, 4);
    await expect(dialog(page).getByRole('button', { name: 'Next' })).toBeDisabled();
    await expect(dialog(page)).toContainText('username priya.patel@outlook.com');
    await page.getByLabel('Microsoft Learning username').fill('priya.patel@outlook.com');
    await page.getByLabel('Microsoft Learning password').fill(LEARN_PASSWORD);
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    await atStep(page, 4, 4);
    await expectHighlighted(page, exams(page).getByRole('paragraph').filter({ hasText: 'Linked Microsoft Certification' }));
    await finish(page);
    // Back where it started, the keyboard on the button that started it.
    await expect(page.locator('#show-me-r8-link-mcid')).toBeFocused();
    await expect(page).toHaveURL(/#\/faq\/r8-link-mcid$/);
    await new CertlinkPage(page).navigate('My Profile');
    await expect(exams(page)).toContainText('Linked Microsoft Certification profile ID (MCID):');
  });

  test('Partner University access (R6): Get access, then the 72 hours and Remove access', async ({ page }) => {
    await startFromPanel(page, 'Partner University access (R6)');
    await atStep(page, 1, 4);
    await next(page);
    await atStep(page, 2, 4);
    await page.getByRole('button', { name: 'Get Partner University access' }).click();
    await atStep(page, 3, 4);
    await expect(dialog(page)).toContainText('within 72hrs');
    await next(page);
    await atStep(page, 4, 4);
    const learning = page.getByRole('region', { name: 'Your Learning' });
    await expectHighlighted(page, learning.getByRole('button', { name: 'Remove access' }));
    await finish(page);
    await expect(page.locator('#start-tour')).toBeFocused();
    await expect(learning).toContainText('Your Partner university account will now be associated');
  });

  test('same credentials (R9): the shortcut links the MCID', async ({ page }) => {
    await startFromPanel(page, 'Same credentials shortcut (R9)');
    await atStep(page, 1, 3);
    await next(page);
    await atStep(page, 2, 3);
    await page.getByRole('button', { name: /Use sam@contoso\.com/ }).click();
    await atStep(page, 3, 3);
    await finish(page);
    await expect(exams(page)).toContainText('Linked Microsoft Certification profile ID (MCID):');
    await expect(exams(page).getByRole('status')).toContainText('(R9)');
  });

  test('unlink (R11): Remove access; no MCID is linked any more', async ({ page }) => {
    await showMe(page, 'r11-unlink');
    await atStep(page, 1, 3);
    await page.getByRole('banner').getByRole('link', { name: 'My Profile' }).click();
    await atStep(page, 2, 3);
    await exams(page).getByRole('button', { name: 'Remove access' }).click();
    await atStep(page, 3, 3);
    await finish(page);
    await new CertlinkPage(page).navigate('My Profile');
    await expect(exams(page)).toContainText('No Microsoft Learning account is associated with this profile.');
  });

  test('moving to B (R12): linked with Fabrikam, unlinked from Contoso, and the timeline keeps it', async ({ page }) => {
    await showMe(page, 'r12-moving-company');
    await atStep(page, 1, 5);
    await expect(page.getByRole('banner')).toContainText('Mia Moreau');
    await next(page);
    await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
    await atStep(page, 3, 5);
    await page.getByLabel('Microsoft Learning username').fill('mia.moreau@outlook.com');
    await page.getByLabel('Microsoft Learning password').fill(LEARN_PASSWORD);
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    await atStep(page, 4, 5);
    await expect(exams(page).getByRole('status')).toContainText('automatically unlinked from Contoso');
    await next(page);
    // Another view: the tour goes there and waits for the control.
    await atStep(page, 5, 5);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit timeline');
    const unlink = page.getByRole('listitem').filter({ hasText: 'automatically unlinked' });
    await expectHighlighted(page, unlink);
    await expect(unlink).toContainText('automatically unlinked from Contoso because it is now linked with Fabrikam');
    await finish(page);
    // Contoso's skills report no longer lists Mia.
    await page.getByRole('button', { name: 'Trainer' }).click();
    await panel(page).getByLabel('Work account').selectOption('adam@contoso.com');
    await panel(page).getByRole('button', { name: 'Switch persona' }).click();
    const app = new CertlinkPage(page);
    await app.navigate('Skills report');
    await expect(app.reportRows('Chen Li').first()).toBeVisible();
    await expect(app.reportRows('Mia Moreau')).toHaveCount(0);
  });

  test('leaving (R13): the Global Admin deletes the account, then removes it from the report', async ({ page }) => {
    await showMe(page, 'r13-leaving');
    await atStep(page, 1, 4);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
    await page.getByRole('button', { name: 'Delete account: Leo Laurent' }).click();
    await atStep(page, 2, 4);
    await page.getByRole('button', { name: 'Yes, delete the account' }).click();
    await atStep(page, 3, 4);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skills report');
    const remove = page.getByRole('button', { name: 'Remove from report: Leo Laurent' }).first();
    await expectHighlighted(page, remove);
    await remove.click();
    await atStep(page, 4, 4);
    await finish(page);
    const app = new CertlinkPage(page);
    await app.navigate('Skills report');
    await expect(app.reportRows('Chen Li').first()).toBeVisible();
    await expect(app.reportRows('Leo Laurent')).toHaveCount(0);
    await app.navigate('Users');
    await expect(page.getByRole('listitem').filter({ hasText: 'Leo Laurent' })).toContainText('deleted');
  });

  test('no response (R14): verify the address used, correct it, then resend', async ({ page }) => {
    await showMe(page, 'r14-no-response');
    await atStep(page, 1, 4);
    await next(page);
    await atStep(page, 2, 4);
    await page.getByRole('button', { name: 'Verify email address' }).click();
    await atStep(page, 3, 4);
    await expect(dialog(page)).toContainText('correct the address used to noah@contoso.com');
    await page.getByLabel('Email address used (correct it if it is wrong)').fill('noah@contoso.com');
    await page.getByRole('button', { name: 'Confirm this address' }).click();
    await atStep(page, 4, 4);
    await page.getByRole('button', { name: 'Resend sign-in details to Noah Nakamura' }).click();
    // Resending was the last step: the tour ends by itself.
    await expect(dialog(page)).toHaveCount(0);
    await expect(page.locator('#show-me-r14-no-response')).toBeFocused();
    await new CertlinkPage(page).navigate('Users');
    const noah = page.getByRole('listitem').filter({ hasText: 'Noah Nakamura' });
    await expect(noah).toContainText('noah@contoso.com');
    await expect(noah).toContainText('resent 1 time, no response');
  });

  test('the yearly limit (R15): the refusal, the date in the profile, then support', async ({ page }) => {
    await showMe(page, 'r15-association-limited');
    await atStep(page, 1, 4);
    await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
    await atStep(page, 2, 4);
    // Another refusal (a wrong password, R8) is not the limit met.
    await page.getByLabel('Microsoft Learning username').fill('lena.lindqvist@outlook.com');
    await page.getByLabel('Microsoft Learning password').fill('not her password');
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    await expect(exams(page).getByRole('alert')).toContainText('did not work');
    await page.waitForTimeout(500);
    await atStep(page, 2, 4);
    await page.getByLabel('Microsoft Learning password').fill(LEARN_PASSWORD);
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    await atStep(page, 3, 4);
    await expect(exams(page).getByRole('alert')).toContainText('(R15)');
    await expectHighlighted(page, page.getByRole('region', { name: 'Associations in the last 365 days' }));
    await next(page);
    await atStep(page, 4, 4);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support');
    await finish(page);
    await new CertlinkPage(page).navigate('My Profile');
    await expect(exams(page)).toContainText('No Microsoft Learning account is associated with this profile.');
  });

  test('an MCID merge question (R16): routed to Certification Support, with a ticket', async ({ page }) => {
    await showMe(page, 'r16-support');
    await atStep(page, 1, 4);
    // Another problem is routed elsewhere: that is not this step done.
    await page.getByRole('radio', { name: 'A technical problem linking my MCID' }).check();
    await expect(page.getByRole('region', { name: /Microsoft support \(R16\)/ })).toBeVisible();
    await page.waitForTimeout(500);
    await atStep(page, 1, 4);
    await page.getByRole('radio', { name: 'A question about merging MCIDs' }).check();
    await atStep(page, 2, 4);
    await expect(page.getByRole('region', { name: /Certification Support \(R16\)/ })).toBeVisible();
    await next(page);
    await atStep(page, 3, 4);
    await page.getByLabel('Describe the problem').fill('My two MCIDs should be one.');
    await page.getByRole('button', { name: 'Open a ticket' }).click();
    await atStep(page, 4, 4);
    await finish(page);
    await new CertlinkPage(page).navigate('Support');
    await expect(page.getByRole('region', { name: 'Your tickets' })).toContainText('Certification Support');
  });
});
}

test('the keyboard: the dialog takes it, Tab goes round the dialog and the control only, Escape gives it back', async ({ page }) => {
  await page.goto('./#/faq/r8-link-mcid');
  await page.locator('#show-me-r8-link-mcid').focus();
  await page.keyboard.press('Enter');
  const shown = page.getByRole('dialog', { name: 'First link of an MCID (R8)' });
  await expect(shown).toBeFocused();
  await expect(shown).toHaveAccessibleDescription(/Step 1 of 4.*Select the blue My Profile icon/);
  const where = () =>
    page.evaluate(() => {
      const active = document.activeElement!;
      if (active.closest('[role="dialog"]')) return `dialog:${active.textContent}`;
      return active.getAttribute('data-tour') ?? `elsewhere:${active.outerHTML.slice(0, 80)}`;
    });
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    seen.add(await where());
  }
  expect([...seen].sort()).toEqual(['dialog:Exit the tour', 'dialog:Français', 'dialog:Next', 'profile-button']);
  await page.keyboard.press('Shift+Tab');
  expect(seen.has(await where())).toBe(true);
  // The control itself works from the keyboard and does the step.
  await page.getByRole('banner').getByRole('link', { name: 'My Profile' }).focus();
  await page.keyboard.press('Enter');
  await atStep(page, 2, 4);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator('#show-me-r8-link-mcid')).toBeFocused();
  await expect(page).toHaveURL(/#\/faq\/r8-link-mcid$/);
});

test('behind the shade the page is inert, so a screen reader reaches only the step’s control and the dialog; leaving gives it back', async ({ page }) => {
  await showMe(page, 'r8-link-mcid');
  await atStep(page, 1, 4);
  await next(page);
  await atStep(page, 2, 4);
  const associate = page.getByRole('button', { name: 'Associate Microsoft Learning account' });
  await expectHighlighted(page, associate);
  const inert = (locator: Locator) => locator.evaluate((el) => el.closest('[inert]') !== null);
  // What the step is about, and the tour's dialog, stay reachable...
  expect(await inert(associate)).toBe(false);
  expect(await inert(dialog(page))).toBe(false);
  // ...while the rest of the page is not: the header, the navigation, the
  // other controls of the same page, the footer.
  expect(await inert(page.locator('.nav'))).toBe(true);
  expect(await inert(page.locator('.footer'))).toBe(true);
  expect(await inert(page.getByRole('heading', { level: 1 }))).toBe(true);
  expect(await inert(page.locator('.profile-button'))).toBe(true);
  // The next step's control is reachable once the step moves to it.
  await associate.click();
  await atStep(page, 3, 4);
  expect(await inert(page.locator('.profile-button'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator('[inert]')).toHaveCount(0);
});

test('only the highlighted control takes clicks, and the highlight follows scrolling and resizing', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await showMe(page, 'r8-link-mcid');
  await atStep(page, 1, 4);
  await next(page);
  await atStep(page, 2, 4);
  const associate = page.getByRole('button', { name: 'Associate Microsoft Learning account' });
  await expectHighlighted(page, associate);
  // A click on the navigation lands on the shade: nothing happens.
  const users = (await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).boundingBox())!;
  await page.mouse.click(users.x + users.width / 2, users.y + users.height / 2);
  await expect(page).toHaveURL(/#\/profile\?tour=r8&step=2$/);
  // What is under the pointer at the control's centre is the control.
  const box = (await associate.boundingBox())!;
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.getAttribute('data-tour'), [
    box.x + box.width / 2,
    box.y + box.height / 2,
  ]);
  expect(hit).toBe('associate');
  await page.mouse.wheel(0, 150);
  await expectHighlighted(page, associate);
  await page.setViewportSize({ width: 360, height: 640 });
  await expectHighlighted(page, associate);
});

test('at 360 px the dialog never covers the control, on every step of a tour across three views', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await showMe(page, 'r13-leaving');
  await atStep(page, 1, 4);
  const del = page.getByRole('button', { name: 'Delete account: Leo Laurent' });
  await expectHighlighted(page, del);
  await del.click();
  await atStep(page, 2, 4);
  const confirm = page.getByRole('button', { name: 'Yes, delete the account' });
  await expectHighlighted(page, confirm);
  await confirm.click();
  await atStep(page, 3, 4);
  const remove = page.getByRole('button', { name: 'Remove from report: Leo Laurent' }).first();
  await expectHighlighted(page, remove);
  await remove.click();
  await atStep(page, 4, 4);
  await expectHighlighted(page, page.locator('[data-tour="report"]'));
  await expect(page.locator('[data-tour="report"]')).toContainText('Download skills report');
  await expectAccessible(page);
  await finish(page);

  await showMe(page, 'r8-link-mcid');
  await next(page);
  await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await atStep(page, 3, 4);
  await expectHighlighted(page, page.locator('[data-tour="mcid-form"]'));
});

test('the address holds the tour and its step: a reload and a shared link resume it', async ({ page, browser }) => {
  await showMe(page, 'r12-moving-company');
  await atStep(page, 1, 5);
  await next(page);
  await atStep(page, 2, 5);
  await expect(page).toHaveURL(/#\/profile\?tour=r12&step=2$/);
  await page.reload();
  await atStep(page, 2, 5);
  await expect(page.getByRole('banner')).toContainText('Mia Moreau');
  // The step is read out after a reload too: the dialog has the keyboard.
  await expect(dialog(page)).toBeFocused();
  // Left there, the keyboard goes to the page, not nowhere.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goto('./#/profile?tour=r12&step=2');
  await atStep(page, 2, 5);

  // A trainer's link, opened in a fresh browser: the tour's scenario loads.
  const other = await browser.newContext({ baseURL: page.url().split('#')[0] });
  const fresh = await other.newPage();
  await fresh.goto('./#/profile?tour=r12&step=3');
  // Step 3 needs the form Associate opens: the tour goes back to it.
  await atStep(fresh, 2, 5);
  await expect(fresh.getByRole('banner')).toContainText('Mia Moreau');
  await fresh.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await atStep(fresh, 3, 5);
  await other.close();

  // The link followed in a tab where someone else is signed in (the page is
  // not reloaded): the tour's scenario and persona come first.
  await page.keyboard.press('Escape');
  await new CertlinkPage(page).signIn('grace@contoso.com');
  await page.goto('./#/users?tour=r12&step=1');
  await atStep(page, 1, 5);
  await expect(page.getByRole('banner')).toContainText('Mia Moreau');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My Profile');
});

/** R13's tour done up to Leo's deletion, then left; then a link to its
 *  step 1. Grace is still signed in, so the link resumes on this scenario,
 *  where Leo is already deleted: step 1's control is not there. */
async function followLinkToStepDoneHere(page: Page) {
  await showMe(page, 'r13-leaving');
  await page.getByRole('button', { name: 'Delete account: Leo Laurent' }).click();
  await page.getByRole('button', { name: 'Yes, delete the account' }).click();
  await atStep(page, 3, 4);
  await page.keyboard.press('Escape');
  await page.goto('./#/users?tour=r13&step=1');
}

test('Escape on a confirmation the tour points at cancels that confirmation only; the next Escape ends the tour', async ({ page }) => {
  await showMe(page, 'r13-leaving');
  await page.getByRole('button', { name: 'Delete account: Leo Laurent' }).click();
  const confirm = page.getByRole('button', { name: 'Yes, delete the account' });
  // The step's dialog takes the keyboard a frame or two after the step
  // begins: the person moves to the button once that has happened.
  await expect(dialog(page)).toBeFocused();
  await settled(page);
  await expect(async () => {
    await confirm.focus();
    await expect(confirm).toBeFocused({ timeout: 100 });
  }).toPass({ timeout: 5_000 });
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are in a built-in case' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
});

test('a link to a tour whose scenario has changed here offers to start it again', async ({ page }) => {
  await followLinkToStepDoneHere(page);
  await expect(dialog(page)).toContainText('the scenario changed since');
  await dialog(page).getByRole('button', { name: 'Start the tour again' }).click();
  await atStep(page, 1, 4);
  await expectHighlighted(page, page.getByRole('button', { name: 'Delete account: Leo Laurent' }));
  await expect(dialog(page).getByRole('button', { name: 'Start the tour again' })).toBeHidden();
});

test('with the keyboard alone: a link to a tour whose scenario has changed puts the keyboard on Start the tour again, which says why', async ({ page }) => {
  await followLinkToStepDoneHere(page);
  const restart = dialog(page).getByRole('button', { name: 'Start the tour again' });
  await expect(restart).toBeFocused();
  await expect(restart).toHaveAccessibleDescription(/the scenario changed since the tour was made for it/);
  await page.keyboard.press('Enter');
  await atStep(page, 1, 4);
  await expectHighlighted(page, page.getByRole('button', { name: 'Delete account: Leo Laurent' }));
  await expect(dialog(page)).toBeFocused();
});

test('the dialog is in its place in the frame its words change: Start the tour again does not move under the pointer', async ({ page }) => {
  await followLinkToStepDoneHere(page);
  await expect(dialog(page)).toBeVisible();
  // Where the button is one frame after it appears, and a few of the
  // overlay's ticks later: a person aiming at it must not see it jump.
  const [shown, later] = await page.evaluate(() => new Promise<[number, number]>((resolve) => {
    const button = document.getElementById('tour-restart')!;
    const top = () => Math.round(button.getBoundingClientRect().top);
    const watch = new MutationObserver(() => {
      if (button.hidden) return;
      watch.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const first = top();
        setTimeout(() => resolve([first, top()]), 500);
      }));
    });
    watch.observe(button, { attributes: true, attributeFilter: ['hidden'] });
  }));
  expect(later, 'the button moved after it appeared').toBe(shown);
});

test('a tour never writes over the person\'s scenario: after two tours left in a row, it is there as it was, also after a reload and with a tour opened in another tab', async ({ page, context }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('now linked to Contoso');
  // A trainer's link opened in another tab while Priya works here.
  const other = await context.newPage();
  await other.goto('./#/profile?tour=r12&step=1');
  await atStep(other, 1, 5);
  await expect(other.getByRole('banner')).toContainText('Mia Moreau');
  await other.close();
  await showMe(page, 'r12-moving-company');
  await atStep(page, 1, 5);
  await expect(page.getByRole('status').filter({ hasText: 'You are in a built-in case' })).toBeVisible();
  await page.keyboard.press('Escape');
  await showMe(page, 'r13-leaving');
  await atStep(page, 1, 4);
  await page.keyboard.press('Escape');
  // Leaving a tour is back on Priya's own scenario, signed in as before.
  await expect(page.getByRole('banner')).toContainText('Priya Patel');
  await expect(page.getByRole('status').filter({ hasText: 'You are in a built-in case' })).toHaveCount(0);
  await page.reload();
  await page.goto('./#/timeline');
  await expect(page.getByRole('listitem').filter({ hasText: 'By priya@contoso.com' }).first()).toContainText('now linked to Contoso');
});

test('the tour speaks the current language and switches live; axe passes with the panel and a tour open', async ({ page }) => {
  await startFromPanel(page, 'First link of an MCID (R8)');
  await atStep(page, 1, 4);
  await expectAccessible(page);
  await dialog(page).getByRole('button', { name: 'Français' }).click();
  await expect(dialog(page).locator('#tour-progress')).toHaveText('Étape 1 sur 4');
  await expect(dialog(page)).toHaveAccessibleName('Première liaison d’un MCID (R8)');
  await expect(dialog(page)).toContainText('Sélectionnez l’icône bleue Mon profil');
  await expect(dialog(page).getByRole('button', { name: 'Suivant' })).toBeEnabled();
  await expect(page.getByRole('navigation', { name: 'Principale' })).toBeVisible();
  await expectAccessible(page);
  await dialog(page).getByRole('button', { name: 'English' }).click();
  await expect(dialog(page).locator('#tour-progress')).toHaveText('Step 1 of 4');
});
