import { test, expect, expectAccessible } from './fixtures';
import { ShellPage } from './pages/shell_page';
import { CertlinkPage } from './pages/certlink_page';

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
  // French sets a space before a colon.
  await expect(page.locator('.source-quote p').nth(1)).toHaveText('Rôles appropriés : Tous les utilisateurs de l’Espace partenaires');
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

test('at 360 px, in French and signed in, the header shows every control whole, in the order the keyboard goes', async ({ page }) => {
  const shell = new ShellPage(page);
  await new CertlinkPage(page).signIn('grace@contoso.com');
  await shell.chooseLanguage('fr');
  const select = shell.banner.getByRole('combobox', { name: 'Langue' });
  const whole = (await select.boundingBox())!.width;
  await page.setViewportSize({ width: 360, height: 740 });
  // The chosen language reads "Français", not a cut "Fr".
  await expect.poll(async () => (await select.boundingBox())!.width).toBeGreaterThanOrEqual(whole - 1);
  const controls = [
    shell.banner.getByText('Grace Garcia'),
    shell.banner.getByRole('button', { name: 'Se déconnecter' }),
    shell.banner.getByRole('button', { name: 'Formateur' }),
    select,
    shell.myProfile('Mon profil'),
  ];
  const boxes = [];
  for (const control of controls) boxes.push((await control.boundingBox())!);
  for (const [i, box] of boxes.entries()) {
    expect(box.x, `control ${i} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `control ${i} ends on screen`).toBeLessThanOrEqual(360);
    if (i === 0) continue;
    const before = boxes[i - 1];
    const sameRow = box.y < before.y + before.height && before.y < box.y + box.height;
    // Each control is after the one before it: further right on its row, or on a row below.
    if (sameRow) expect(box.x, `control ${i} after control ${i - 1}`).toBeGreaterThanOrEqual(before.x + before.width);
    else expect(box.y, `control ${i} below control ${i - 1}`).toBeGreaterThanOrEqual(before.y + before.height);
  }
});

test('at 360 px the navigation shows the current page’s tab whole, after a deep link and after moving on', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./?lang=fr#/data');
  const nav = page.getByRole('navigation', { name: 'Principale' });
  const shownWhole = async (name: string) => {
    const tab = nav.getByRole('link', { name, exact: true });
    await expect(tab).toHaveAttribute('aria-current', 'page');
    await expect.poll(async () => {
      const [outer, inner] = [(await nav.boundingBox())!, (await tab.boundingBox())!];
      return inner.x >= outer.x - 1 && inner.x + inner.width <= outer.x + outer.width + 1;
    }, `the tab ${name} is whole in the navigation`).toBe(true);
  };
  await shownWhole('Vos données');
  // Back to the first tab by the brand link, not by the navigation itself.
  await page.getByRole('banner').getByRole('link', { name: /^Certlink/ }).click();
  await shownWhole('Accueil');
  await page.goto('./?lang=fr#/support');
  await shownWhole('Support');
  await expect.poll(() => page.evaluate(() => window.scrollY), 'the page itself did not scroll').toBe(0);
});
