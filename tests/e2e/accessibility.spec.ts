// axe on every view, in English and in French, and at 360 px wide.
import { test, expect, expectAccessible } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';
import type { Page } from '@playwright/test';

const views = ['#/', '#/profile', '#/skills-report', '#/competency', '#/users', '#/faq', '#/support', '#/data', '#/timeline', '#/practice', '#/practice/r12', '#/editor', '#/sign-in'];

/** Goes to the view at `hash` and waits until its own heading is drawn:
 *  the view before's heading is no sign that the new one is there. */
async function show(page: Page, hash: string) {
  const heading = page.getByRole('heading', { level: 1 });
  const before = (await heading.textContent()) ?? '';
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await expect(heading).not.toHaveText(before);
  await expect(heading).toBeVisible();
}

for (const lang of ['en', 'fr'] as const) {
  test(`every view passes axe in ${lang === 'en' ? 'English' : 'French'}`, async ({ page }) => {
    const app = new CertlinkPage(page);
    await app.signIn('grace@contoso.com');
    await page.getByRole('combobox').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const hash of views.slice(0, -1)) {
      await show(page, hash);
      await expectAccessible(page);
    }
  });
}

test('views read at 360 px wide without horizontal scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  for (const hash of views) {
    await show(page, hash);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `page ${hash} is wider than the screen`).toBeLessThanOrEqual(0);
  }
});

test('a link followed with the keyboard, in the page or the menu, hands the keyboard to the new page’s heading; Back does too', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await page.goto('./#/data');
  await expect(app.heading).toHaveText('Your data');
  // A link inside the page, gone with it.
  await page.locator('#open-library').focus();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Library of scenarios');
  await expect(app.heading).toBeFocused();
  // A link of the menu, which stays.
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Users');
  await expect(app.heading).toBeFocused();
  await page.goBack();
  await expect(app.heading).toHaveText('Library of scenarios');
  await expect(app.heading).toBeFocused();
});

test('the keyboard is never dropped to the top of the page: a sign-in, a sign-out and a reset hand it to the new page; Escape cancels a confirmation', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./#/sign-in');
  await page.getByLabel('Work email').fill('grace@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/#\/profile$/);
  await expect(app.heading).toBeFocused();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/#\/sign-in$/);
  await expect(app.heading).toBeFocused();
  await expect(app.heading).toHaveText('Sign in to Partner Center');

  await app.signIn('grace@contoso.com');
  await page.goto('./#/data');
  const reset = page.locator('#reset-button');
  await reset.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // The question is the dialog's description, read with its name.
  await expect(dialog).toHaveAccessibleDescription(/Replace the current scenario with the demo data\?/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(reset).toBeFocused();
  // Confirmed, the reset goes to the sign-in page, its heading with the keyboard.
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page).toHaveURL(/#\/sign-in$/);
  await expect(app.heading).toBeFocused();
  await expectAccessible(page);
});
