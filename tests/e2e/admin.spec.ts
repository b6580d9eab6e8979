// Admin views (R2, R3, R13, R14): who may see them and what they do.
import { test, expect } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

test('a plain user is refused the admin views, citing R2', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  for (const view of ['Skills report', 'Competency status', 'Users']) {
    await app.navigate(view);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(app.alert).toContainText('(R2)');
  }
});

test('a Global Admin deletes a leaver, then removes them from the report (R13)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await app.navigate('Users');
  await page.getByRole('button', { name: 'Delete account: Leo Laurent' }).click();
  await page.evaluate(() => document.querySelectorAll('main [role=status]').forEach((e) => e.setAttribute('data-before', '')));
  await page.getByRole('button', { name: 'Yes, delete the account' }).click();
  await expect(app.status).toContainText('The account leo@contoso.com was deleted. (R13)');
  await expect(page.locator('main [role=status][data-before]').filter({ hasText: 'was deleted' })).toHaveCount(1);
  await app.navigate('Skills report');
  const leo = app.reportRows('Leo Laurent');
  await expect(leo.first()).toContainText('PMC: yes, PC: no');
  // One Remove from report for the person, however many rows they have.
  expect(await leo.count()).toBeGreaterThan(1);
  await expect(page.getByRole('button', { name: 'Remove from report: Leo Laurent' })).toHaveCount(1);
  await leo.first().getByRole('button', { name: 'Remove from report: Leo Laurent' }).focus();
  // What is said comes into a status region already on the page, so that
  // a screen reader says it.
  await page.evaluate(() => document.querySelectorAll('main [role=status]').forEach((e) => e.setAttribute('data-before', '')));
  await page.keyboard.press('Enter');
  await expect(app.status.filter({ hasText: 'removed from the skills report' })).toContainText('(R13)');
  await expect(page.locator('main [role=status][data-before]').filter({ hasText: 'removed from the skills report' })).toHaveCount(1);
  await expect(page.locator('main [role=status][data-before]').filter({ hasText: /^Rows 1-/ })).toHaveCount(1);
  await expect(app.reportRows('Leo Laurent')).toHaveCount(0);
  // The keyboard is back on the table, not on the next person's Remove,
  // where a second Enter would remove them too.
  await expect(page.locator('#main .table-wrap')).toBeFocused();
  const removable = await page.getByRole('button', { name: /^Remove from report:/ }).count();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Remove from report:/ })).toHaveCount(removable);
});

test('an unanswered invitation is verified, corrected and resent (R14)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('adam@contoso.com');
  await app.navigate('Users');
  const invitations = page.getByRole('region', { name: 'Invitations with no response' });
  await expect(invitations).toContainText('noah@contso.com');
  // Sent again before anyone checked the address: refused, with the first step (R14).
  await invitations.getByRole('button', { name: 'Resend sign-in details to Noah Nakamura' }).click();
  await expect(page.getByRole('alert')).toContainText('First verify the email address used: the details would go to noah@contso.com');
  await invitations.getByRole('button', { name: 'Verify email address: Noah Nakamura', exact: true }).click();
  // The box emptied to retype it is not the old address confirmed (R14).
  await invitations.getByLabel('Email address used').fill('');
  await invitations.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(page.getByRole('alert')).toContainText('The email address is empty. Type the person’s work email address, then try again.');
  await expect(invitations.getByLabel('Email address used')).toBeVisible();
  await invitations.getByLabel('Email address used').fill('noah@contoso.com');
  await invitations.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(app.status).toContainText('the invitation now goes to noah@contoso.com. (R14)');
  await invitations.getByRole('button', { name: 'Resend sign-in details to Noah Nakamura' }).click();
  await expect(app.status).toContainText('Sign-in details were sent again to noah@contoso.com');
  await app.signOut();
  await app.signIn('noah@contoso.com');
  await expect(page.getByText('Noah Nakamura · noah@contoso.com · Contoso')).toBeVisible();
});

test('the skills report downloads as a CSV that opens cleanly', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('adam@contoso.com');
  await app.navigate('Skills report');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download skills report' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^skills-report-1234567-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  // Every field is quoted, as RFC 4180 allows (tests/csv.rs reads it back split on , ; and tab).
  expect(csv.startsWith('\ufeff"Name","Work email","MCID","Source"')).toBe(true);
  expect(csv).toContain('"Chen Li","chen@contoso.com","985005678","Microsoft Learning","Certification","AZ-104"');
  // In French: French words and file name, and the semicolon French
  // spreadsheets split on.
  await page.getByLabel('Language').selectOption('fr');
  const [french] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le rapport des qualifications' }).click(),
  ]);
  expect(french.suggestedFilename()).toMatch(/^rapport-qualifications-1234567-\d{4}-\d{2}-\d{2}\.csv$/);
  const frenchCsv = await readFile(await french.path(), 'utf8');
  expect(frenchCsv.startsWith('\ufeff"Nom";"E-mail professionnel";"MCID";"Source";"Type";"Code";"Intitulé";"Réussi le"')).toBe(true);
  expect(frenchCsv).toContain('"Chen Li";"chen@contoso.com";"985005678";"Microsoft Learning";"Certification";"AZ-104"');
});

test('competency status shows each requirement against the people needed (R3)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('adam@contoso.com');
  await app.navigate('Competency status');
  const cloud = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Cloud Platform' }) });
  await expect(cloud).toContainText('Not met');
  await expect(cloud).toContainText('1 of 2 people needed');
  await expect(cloud.getByRole('progressbar')).toHaveAttribute('value', '1');
});

test('names typed by people are shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await app.navigate('Users');
  const name = '<img src=x onerror=alert(1)>';
  await page.getByLabel('Work email').fill('eve@contoso.com');
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Temporary password (at least 8 characters)').fill('Welcome#2026');
  await page.getByRole('button', { name: 'Send sign-in details', exact: true }).click();
  await expect(app.status).toContainText('Sign-in details were sent to eve@contoso.com');
  await expect(page.getByRole('region', { name: 'Invitations with no response' }).getByText(name)).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('confirming with the keyboard: Cancel first, back to the button, and after a delete the list (R13)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await app.navigate('Users');
  const del = page.getByRole('button', { name: 'Delete account: Leo Laurent' });
  const dialog = page.getByRole('alertdialog', { name: 'Delete account' });
  await del.focus();
  await page.keyboard.press('Enter');
  // The harmless choice has the keyboard; Cancel gives it back to the button.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(del).toBeFocused();
  await page.keyboard.press('Enter');
  // The keyboard moves on the next frame, once the dialog is drawn.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Yes, delete the account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('The account leo@contoso.com was deleted. (R13)');
  await expect(page.getByRole('heading', { name: 'All users' })).toBeFocused();

  await page.goto('./#/data');
  const reset = page.getByRole('button', { name: 'Reset to demo data' });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reset).toBeFocused();
});

/** Grace, the Global Admin, deletes `name`'s account in a tab of her own,
 *  which she then closes (R13). */
async function graceDeletesInAnotherTab(page: Page, name: string, email: string) {
  const other = await page.context().newPage();
  const there = new CertlinkPage(other);
  await there.signIn('grace@contoso.com');
  await there.navigate('Users');
  await other.getByRole('button', { name: `Delete account: ${name}` }).click();
  await other.getByRole('button', { name: 'Yes, delete the account' }).click();
  await expect(there.status).toContainText(`The account ${email} was deleted. (R13)`);
  await other.close();
}

test('a Delete account question stays open, the keyboard on it, when another tab changes the list (R13)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await app.navigate('Users');
  const dialog = page.getByRole('alertdialog', { name: 'Delete account' });
  await page.getByRole('button', { name: 'Delete account: Leo Laurent' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();

  const other = await page.context().newPage();
  const there = new CertlinkPage(other);
  await there.signIn('grace@contoso.com');
  await there.navigate('Users');
  await other.getByLabel('Work email').fill('new.person@contoso.com');
  await other.getByLabel('Display name').fill('New Person');
  await other.getByLabel(/Temporary password/).fill('Temp#2026x');
  await other.keyboard.press('Enter');
  await expect(there.status).toContainText('Sign-in details were sent to new.person@contoso.com');
  await other.close();

  await expect(page.getByText('New Person')).toBeVisible();
  await expect(dialog).toContainText('Leo Laurent');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('The account leo@contoso.com was deleted. (R13)');
  await expect(dialog).toHaveCount(0);

  // The account asked about is deleted in another tab: the question goes,
  // and is not asked again.
  await page.getByRole('button', { name: 'Delete account: Priya Patel' }).click();
  await expect(dialog).toContainText('Priya Patel');
  await graceDeletesInAnotherTab(page, 'Priya Patel', 'priya@contoso.com');
  await expect(page.getByRole('listitem').filter({ hasText: 'priya@contoso.com' })).toHaveClass(/deleted/);
  await expect(dialog).toHaveCount(0);
});

test('the skills report refused says why as the reason changes: an admin page for a user (R2), then, her account deleted in another tab, signed out (R13)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await app.navigate('Skills report');
  await expect(app.alert).toContainText('Only an MPN Partner Admin or a Global Admin');
  await expect(app.alert).toContainText('(R2)');
  await graceDeletesInAnotherTab(page, 'Priya Patel', 'priya@contoso.com');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText('Priya Patel');
});

test('the keyboard after the Users forms: a sent invitation, a confirmed address, a resend (R14)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await app.navigate('Users');
  // A refusal marks the field to change, and gives it the keyboard.
  await page.getByLabel('Work email').fill('new.person@contoso.com');
  await page.getByLabel(/Temporary password/).fill('short');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/Temporary password/)).toBeFocused();
  await expect(page.getByLabel(/Temporary password/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/Temporary password/)).toHaveAccessibleDescription(/R14/);
  // The page is drawn again after each change: the keyboard goes on to the
  // next step, never to the top of the page.
  await page.getByLabel('Display name').fill('New Person');
  await page.getByLabel(/Temporary password/).fill('Temp#2026x');
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('Sign-in details were sent to new.person@contoso.com');
  await expect(page.getByLabel('Work email')).toBeFocused();
  await expect(page.getByLabel(/Temporary password/)).not.toHaveAttribute('aria-invalid');

  const invitations = page.getByRole('region', { name: 'Invitations with no response' });
  const noah = invitations.getByRole('listitem').filter({ hasText: 'Noah Nakamura' });
  await noah.getByRole('button', { name: 'Verify email address' }).focus();
  await page.keyboard.press('Enter');
  // The form opened takes the keyboard (Tab would have gone to Resend).
  await expect(noah.getByLabel('Email address used')).toBeFocused();
  await noah.getByLabel('Email address used').fill('noah@contoso.com');
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('the invitation now goes to noah@contoso.com. (R14)');
  const resend = invitations.getByRole('button', { name: 'Resend sign-in details to Noah Nakamura' });
  await expect(resend).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('Sign-in details were sent again to noah@contoso.com');
  await expect(resend).toBeFocused();
});

/** How dark the edges of `region` look on screen, in its middle rows:
 *  0 is white, 1 black, left and right, from a screenshot of it. */
async function edgeShade(page: Page, region: Locator) {
  const png = (await region.screenshot()).toString('base64');
  // Decoded in a blank page of its own: the app's policy allows no data: images.
  const blank = await page.context().newPage();
  const shade = await blank.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const at = (x: number) => {
      const shades = [];
      for (let y = Math.floor(bitmap.height * 0.3); y < bitmap.height * 0.7; y += 4) {
        const [r, gr, b] = g.getImageData(x, y, 1, 1).data;
        shades.push(1 - (r + gr + b) / 765);
      }
      shades.sort((a, b) => a - b);
      return shades[Math.floor(shades.length / 2)];
    };
    // 3 px inside the 1 px border.
    return { left: at(4), right: at(bitmap.width - 5) };
  }, png);
  await blank.close();
  return shade;
}

test('at 360 px the skills report shows, by a shadow, the side with more columns to scroll to', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new CertlinkPage(page);
  await app.signIn('grace@contoso.com');
  await app.navigate('Skills report');
  const region = page.getByRole('region', { name: 'Skills report' });
  await region.scrollIntoViewIfNeeded();
  const wider = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(wider, 'the table is wider than its box').toBeGreaterThan(100);

  // At the start, the columns beyond are on the right.
  let shade = await edgeShade(page, region);
  expect(shade.right - shade.left).toBeGreaterThan(0.03);
  // Scrolled to the end, they are on the left.
  await region.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  shade = await edgeShade(page, region);
  expect(shade.left - shade.right).toBeGreaterThan(0.03);
});

test('at desktop widths the skills report uses the page’s width instead of the other pages’ reading column', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const app = new CertlinkPage(page);
  await app.signIn('adam@contoso.com');
  await app.navigate('Competency status');
  // Other pages keep their reading width (60rem)...
  const reading = (await page.getByRole('main').boundingBox())!.width;
  await app.navigate('Skills report');
  const table = page.getByRole('table', { name: 'Skills report' });
  await expect(table).toBeVisible();
  // ...while the report's table is wider than that whole column.
  expect((await table.boundingBox())!.width).toBeGreaterThan(reading + 100);
});

test('an account deleted in another tab is signed out there (R13)', async ({ page, context }) => {
  const leo = new CertlinkPage(page);
  await leo.signIn('leo@contoso.com');
  await expect(page.getByRole('banner')).toContainText('Leo Laurent');
  const other = await context.newPage();
  const grace = new CertlinkPage(other);
  await grace.signIn('grace@contoso.com');
  await grace.navigate('Users');
  await other.getByRole('button', { name: 'Delete account: Leo Laurent' }).click();
  await other.getByRole('button', { name: 'Yes, delete the account' }).click();
  await expect(grace.status).toContainText('The account leo@contoso.com was deleted. (R13)');
  // The first tab takes the change: Leo is no longer signed in there.
  await expect(page.getByRole('banner')).not.toContainText('Leo Laurent');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await other.close();
});

test('an account whose invitation is pending again after another tab\'s reset is signed out there (R14)', async ({ page, context }) => {
  // Noah's first sign-in accepts his invitation.
  const noah = new CertlinkPage(page);
  await noah.signIn('noah@contso.com');
  await expect(page.getByRole('banner')).toContainText('Noah');
  // Another tab resets to the demo data, where he is invited again.
  const other = await context.newPage();
  await other.goto('./#/data');
  await other.getByRole('button', { name: 'Reset to demo data' }).click();
  await other.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(other).toHaveURL(/#\/sign-in$/);
  // Every action of his would be refused (R14): he is signed out here.
  await expect(page.getByRole('banner')).not.toContainText('Noah');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await other.close();
});

test('an import whose scenario does not have the person signed in signs them out (R5)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await page.goto('./#/data');
  await expect(page.getByRole('banner')).toContainText('Priya Patel');
  // The scenario exported, with Priya's work account under another address.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const edited = (await readFile(await (await download).path(), 'utf8')).replaceAll('priya@contoso.com', 'pia@contoso.com');
  await page.getByLabel('Choose a Certlink file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) });
  await expect(app.status).toContainText('Imported:');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText('Priya Patel');
  // Restoring the scenario before brings her account back, not her session.
  await page.getByRole('button', { name: 'Restore the previous scenario' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});
