// The `test` every spec uses: after each test, axe must find no violation
// on the page it ended on, and the page must have logged no console error.
// Specs call `expectAccessible` too wherever they change what is shown.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(summary, 'axe violations').toEqual([]);
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    await use(page);
    if (page.url().startsWith('http')) await expectAccessible(page);
  },
});

export { expect };

/** Two frames drawn: the keyboard the app hands on after the last action
 *  (on the next frame, once the page is drawn again) has landed, so a
 *  test that focuses a field now keeps it. */
export async function settled(page: Page) {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** Makes the page's own scenario key refuse writes as a full storage does,
 *  while `sessionStorage['test.full']` is `yes` (the test turns it on and
 *  off). Library entries and other keys still write. */
export async function fullStorageWhenAsked(page: Page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (sessionStorage.getItem('test.full') === 'yes' && key === 'certlink.document') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
}

/** Closes the page as a person leaving it would, and expects the page to
 *  ask first (the browser's `beforeunload` dialog, dismissed: the page
 *  stays). */
export async function expectLeavingToAsk(page: Page) {
  let asked = false;
  page.once('dialog', async (dialog) => {
    asked = dialog.type() === 'beforeunload';
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true }).catch(() => {});
  await expect.poll(() => asked).toBe(true);
}
