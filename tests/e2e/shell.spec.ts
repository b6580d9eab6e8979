import { test, expect, expectAccessible } from './fixtures';
import { ShellPage } from './pages/shell_page';

test('the shell shows the product, the My Profile button and the language switch', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.goto();
  await expect(page).toHaveTitle(/Certlink/);
  await expect(shell.banner.getByText('Certlink', { exact: true })).toBeVisible();
  await expect(shell.myProfile()).toBeVisible();
  await expect(shell.language).toHaveValue('en');
  await expect(shell.main).toBeVisible();
  await expect(shell.heading).toHaveText('Link or unlink your MCID, step by step');
});

test('switching to French changes the text and html lang, and is remembered', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.goto();
  await shell.chooseLanguage('fr');
  await expect(shell.heading).toHaveText('Lier ou dissocier votre MCID, étape par étape');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(shell.myProfile('Mon profil')).toBeVisible();
  // The source's own French appears word for word.
  await expect(page.getByText('Un MCID peut être lié à une seule appartenance MPN à la fois.')).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(shell.heading).toHaveText('Lier ou dissocier votre MCID, étape par étape');
});

test('the My Profile button opens the profile, and the deep link survives a reload', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.goto();
  await shell.myProfile().click();
  await expect(page).toHaveURL(/#\/profile$/);
  await expect(shell.heading).toHaveText('My Profile');
  await expect(page.getByRole('heading', { name: 'Get Partner University access' })).toBeVisible();
  await page.reload();
  await expect(shell.heading).toHaveText('My Profile');
});

test('an unknown address shows a clear page-not-found page', async ({ page }) => {
  const shell = new ShellPage(page);
  await shell.goto('#/no-such-page');
  await expect(shell.heading).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(shell.heading).toHaveText('Link or unlink your MCID, step by step');
});
