// axe on every view, in English and in French, and at 360 px wide.
import { test, expect, expectAccessible } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

const views = ['#/', '#/profile', '#/skills-report', '#/competency', '#/users', '#/faq', '#/support', '#/data', '#/timeline', '#/practice', '#/practice/r12', '#/editor', '#/sign-in'];

for (const lang of ['en', 'fr'] as const) {
  test(`every view passes axe in ${lang === 'en' ? 'English' : 'French'}`, async ({ page }) => {
    const app = new CertlinkPage(page);
    await app.signIn('grace@contoso.com');
    await page.getByRole('combobox').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const hash of views.slice(0, -1)) {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await expect(app.heading).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test('views read at 360 px wide without horizontal scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  for (const hash of views) {
    await page.evaluate((h) => { window.location.hash = h; }, hash);
    await expect(app.heading).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `page ${hash} is wider than the screen`).toBeLessThanOrEqual(0);
  }
});
