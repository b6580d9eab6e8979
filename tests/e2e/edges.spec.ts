// Values at the edge of what Certlink keeps, and what it writes for other
// programs: a date beyond the year 9999 is refused where it is typed (D1),
// a large scenario's save says it is under way and holds the tab until it
// is written, and a name made of formulas stays text in the skills report
// (R2) whatever separator a spreadsheet splits on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, expectLeavingToAsk } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

const corpus = path.resolve(__dirname, '..', 'fixtures', 'import');
const panel = (page: Page, name = 'Trainer panel') => page.getByRole('complementary', { name });

/** Types `value` into a date input as a browser lets a person do: Chrome
 *  takes up to six digits of year, which Playwright's fill refuses. */
async function typeDate(page: Page, label: string, value: string, scope = page.getByRole('main')) {
  const input = scope.getByLabel(label, { exact: true });
  await input.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** The cells of one CSV record, read as RFC 4180 says, split on `separator`. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

test('a start date in the year 20261 is refused where it is typed, and nothing is saved (D1)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('A question about merging MCIDs').check();
  await page.getByLabel('Describe the problem').fill('Two MCIDs to merge.');
  await typeDate(page, 'When did it start?', '20261-01-01');
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(app.alert).toContainText('Choose a date from the year 1 to the year 9999.');
  const tickets = page.getByRole('region', { name: 'Your tickets' });
  await expect(tickets).toContainText('You have opened no ticket.');
  await page.reload();
  await page.getByLabel('A question about merging MCIDs').check();
  await expect(tickets).toContainText('You have opened no ticket.');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
});

test('in French, a scenario date in the year 10000 is refused and the clock stays where it was (D1)', async ({ page }) => {
  await page.goto('./?lang=fr#/');
  await page.getByRole('button', { name: 'Formateur' }).click();
  const fr = panel(page, 'Panneau du formateur');
  await expect(fr).toBeVisible();
  const status = fr.getByRole('status').filter({ hasText: /\S/ }).first();
  const before = await status.textContent();
  await typeDate(page, 'Date du scénario', '10000-01-01', fr);
  await fr.getByRole('button', { name: 'Fixer la date' }).click();
  await expect(fr.getByRole('alert')).toContainText('Choisissez une date de l’an 1 à l’an 9999.');
  await expect(status).toHaveText(before ?? '');
  await page.reload();
  // The app is up again, and has read its save: no unreadable-save banner.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'pas pu être lu' })).toHaveCount(0);
});

test('a name made of formulas stays one cell of text in the skills report, split on , ; or tab (R2)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./#/data');
  await page.getByLabel('Choose a Certlink file').setInputFiles({
    name: 'formula-name.json',
    mimeType: 'application/json',
    buffer: readFileSync(path.join(corpus, 'formula-name.json')),
  });
  await expect(app.status).toContainText('Imported');
  await app.signIn('adam@contoso.com');
  await app.navigate('Skills report');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download skills report' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const line = csv.split('\r\n').find((l) => l.includes('SUM(A1)'));
  expect(line, 'Leo is in the report').toBeDefined();
  // On ',' the name is its own cell; on ';' or tab the quoted name still
  // opens the first cell, which a spreadsheet reads as text.
  expect(cells(line!, ',')[0]).toBe('Leo;=1+1;@SUM(A1)');
  for (const separator of [',', ';', '\t']) {
    const row = cells(line!, separator);
    expect(row[0].startsWith('Leo;=1+1;@SUM(A1)'), `split on ${JSON.stringify(separator)}`).toBe(true);
    for (const cell of row) expect(cell, `a formula cell on ${JSON.stringify(separator)}`).not.toMatch(/^[=+\-@\t\r]/);
  }
});

test('while a large scenario is packed the page says Saving…, leaving asks first, and the save is written', async ({ page }) => {
  test.slow();
  // The browser's deflate is held until the test lets it go.
  await page.addInitScript(() => {
    const Real = window.CompressionStream;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    (window as unknown as { releasePack: () => void }).releasePack = () => release();
    window.CompressionStream = class {
      readable: ReadableStream;
      writable: WritableStream;
      constructor(format: CompressionFormat) {
        const real = new Real(format);
        this.writable = real.writable;
        this.readable = real.readable.pipeThrough(
          new TransformStream({ async transform(chunk, out) { await gate; out.enqueue(chunk); } }),
        );
      }
    } as unknown as typeof CompressionStream;
  });
  await page.goto('./?demo=large#/data');
  const saving = page.getByRole('status').filter({ hasText: 'Saving… Keep this tab open until it is saved.' });
  await expect(saving).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await expectLeavingToAsk(page);
  expect(page.isClosed()).toBe(false);
  await page.evaluate(() => (window as unknown as { releasePack: () => void }).releasePack());
  await expect(saving).toBeHidden({ timeout: 30_000 });
  const head = await page.evaluate(() => localStorage.getItem('large-demo:certlink.document'));
  expect(head).toContain('"continues"');
});
