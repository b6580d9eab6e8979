// The skills report of the 10,000-person organisation stays responsive:
// one page of rows is drawn, and paging is quick.
import { test, expect } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

test('the 10,000-person skills report renders one page at a time', async ({ page }) => {
  test.slow();
  const app = new CertlinkPage(page);
  await page.goto('./?demo=large#/sign-in');
  await page.getByLabel('Work email').fill('admin@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/profile$/);
  const started = Date.now();
  await app.navigate('Skills report');
  await expect(page.getByText('Rows 1-50 of 35000')).toBeVisible();
  const firstPageMs = Date.now() - started;
  await expect(page.getByRole('row')).toHaveCount(51);
  const next = Date.now();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Rows 51-100 of 35000')).toBeVisible();
  const nextPageMs = Date.now() - next;
  console.log(`10k skills report: first page ${firstPageMs} ms, next page ${nextPageMs} ms`);
  await expect(page.getByText('Page 2 of 700')).toBeVisible();
});
