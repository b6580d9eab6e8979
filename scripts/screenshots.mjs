// Screenshots of every view, in English and French, at desktop and 360 px
// wide, into target/screenshots/: for looking at what we build.
// Usage: node scripts/screenshots.mjs [base URL, default http://127.0.0.1:8080/]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080/';
const out = 'target/screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const views = [
  ['home', null, '#/'],
  ['sign-in', null, '#/sign-in'],
  ['profile-priya', 'priya@contoso.com', '#/profile'],
  ['profile-sam', 'sam@contoso.com', '#/profile'],
  ['skills-report', 'grace@contoso.com', '#/skills-report'],
  ['competency', 'adam@contoso.com', '#/competency'],
  ['users', 'grace@contoso.com', '#/users'],
  ['not-allowed', 'priya@contoso.com', '#/skills-report'],
  ['faq', null, '#/faq/r12-moving-company'],
  ['support', 'chen@contoso.com', '#/support'],
  ['data', 'grace@contoso.com', '#/data'],
  ['timeline', 'grace@contoso.com', '#/timeline'],
  ['practice', null, '#/practice'],
  ['editor', null, '#/editor'],
  ['library', null, '#/library'],
];

for (const lang of ['en', 'fr']) {
  for (const [width, height] of [[1280, 900], [360, 780]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${base}?lang=${lang}#/`);
    for (const [name, account, hash] of views) {
      if (account) {
        await page.goto(`${base}?lang=${lang}#/sign-in`);
        await page.locator('input[name=email]').fill(account);
        await page.locator('input[name=password]').fill('Partner#2026');
        await page.locator('form button[type=submit]').click();
        await page.waitForURL(/#\/profile/);
      }
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png`, fullPage: true });
    }
    // Guided tours, as a shared link opens them (the viewport: the overlay is fixed).
    for (const [name, hash] of [['tour-r12', '#/profile?tour=r12&step=1'], ['tour-r13', '#/users?tour=r13&step=1']]) {
      await page.goto(`${base}?lang=${lang}${hash}`);
      await page.getByRole('dialog').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png` });
    }
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}/`);
