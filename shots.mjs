import { chromium } from 'playwright-core';
const exe = process.env.CHROMIUM ?? '/usr/bin/chromium';
const base = 'http://127.0.0.1:8093/';
const browser = await chromium.launch({ executablePath: exe });
async function shot(name, width, lang, steps) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${base}?lang=${lang}#/`);
  await page.locator('#main h1').waitFor();
  await steps(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/shots/${name}-${lang}-${width}.png`, fullPage: false });
  await context.close();
}
const practiceConfirm = async (page) => {
  await page.goto(`${page.url().split('#')[0]}#/practice`);
  await page.locator('#practice-start-r6').click();
  await page.locator('#leave-practice').click();
  await page.locator('#practice-start-r8').click();
  await page.locator('#practice-replace-cancel').waitFor();
  await page.locator('#practice-replace-question').scrollIntoViewIfNeeded();
};
const resendRefused = async (page) => {
  await page.goto(`${page.url().split('#')[0]}#/sign-in`);
  await page.locator('input[name="email"]').fill('adam@contoso.com');
  await page.locator('input[name="password"]').fill('Partner#2026');
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForURL(/#\/profile/);
  await page.goto(`${page.url().split('#')[0]}#/users`);
  await page.locator('[data-tour^="resend"]').first().click();
  await page.getByRole('alert').first().waitFor();
  await page.getByRole('alert').first().scrollIntoViewIfNeeded();
};
await shot('practice-confirm', 1280, 'en', practiceConfirm);
await shot('practice-confirm', 360, 'fr', practiceConfirm);
await shot('resend-refused', 1280, 'en', resendRefused);
await shot('resend-refused', 360, 'fr', resendRefused);
await browser.close();
