// The scenario editor (D4): a trainer builds a small organisation from
// empty (two people, one MCID with an exam), then one of its people signs
// in and links the MCID as Partner Center has it (R8). Refusals say why,
// in both languages; text fields are typed and their forms submitted
// with Enter, and a form done gives the keyboard back to its first field.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, expectLeavingToAsk, settled } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

const section = (page: Page, name: string) => page.getByRole('region', { name });

/** Types into a field with the keyboard, then Enter submits its form. */
async function fillAndSubmit(page: Page, fields: [string, string][]) {
  // A form done hands the keyboard back to its first field on the next frame.
  await settled(page);
  for (const [name, value] of fields) {
    await page.locator(`input[name="${name}"]`).focus();
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
}

test('a trainer builds an organisation from empty, and one of its people links the MCID (R8)', async ({ page }) => {
  await page.goto('./?lang=en#/');
  // Reached from the trainer panel.
  await page.getByRole('button', { name: 'Trainer' }).click();
  await page.getByRole('link', { name: 'Scenario editor' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenario editor');
  await page.getByRole('button', { name: 'An empty scenario' }).click();
  await expect(section(page, 'Start from').getByRole('status').filter({ hasText: /\S/ })).toContainText('Started anew');
  await expect(section(page, 'Organisations')).toContainText('None yet.');

  await fillAndSubmit(page, [['org-mpn-id', '4200001'], ['org-name', 'Northwind Traders']]);
  await expect(section(page, 'Organisations').getByRole('status')).toContainText(
    'The organisation Northwind Traders (MPN ID 4200001) was added to the scenario. (D4)',
  );
  // The form is emptied, and the keyboard is back in its first field for the next one.
  await expect(page.locator('input[name="org-mpn-id"]')).toBeFocused();
  await expect(page.locator('input[name="org-mpn-id"]')).toHaveValue('');
  await fillAndSubmit(page, [
    ['account-email', 'ines@northwind.example'],
    ['account-name', 'Ines Ito'],
    ['account-password', 'Northwind#1'],
  ]);
  await expect(section(page, 'Work accounts').getByRole('status')).toContainText('Ines Ito (ines@northwind.example, User)');
  await page.locator('#account-role').selectOption('global');
  await fillAndSubmit(page, [
    ['account-email', 'omar@northwind.example'],
    ['account-name', 'Omar Olsen'],
    ['account-password', 'Northwind#2'],
  ]);
  await expect(section(page, 'Work accounts').locator('.editor-list li')).toHaveCount(2);
  await expect(section(page, 'Work accounts').locator('.editor-list li').first()).toContainText('Active');
  await fillAndSubmit(page, [
    ['profile-mcid', '990001'],
    ['profile-username', 'ines.ito@outlook.com'],
    ['profile-password', 'Learn#Northwind'],
    ['profile-holder', 'Ines Ito'],
  ]);
  await expect(section(page, 'Microsoft Certification profiles').getByRole('status')).toContainText('990001');
  // An address that is not one: the field is marked and has the keyboard.
  await fillAndSubmit(page, [['pu-username', 'ines@northwind']]);
  const pu = page.locator('input[name="pu-username"]');
  await expect(pu).toBeFocused();
  await expect(pu).toHaveAttribute('aria-invalid', 'true');
  await pu.fill('');
  await fillAndSubmit(page, [['pu-username', 'ines@northwind.example']]);
  await expect(section(page, 'Partner University accounts').getByRole('status')).toContainText(
    'A Partner University account for ines@northwind.example was added',
  );
  await page.locator('input[name="exam-date"]').fill('2026-11-02');
  await fillAndSubmit(page, [['exam-code', 'AZ-900'], ['exam-title', 'Azure Fundamentals']]);
  await expect(section(page, 'Exams, certifications and assessments passed').getByRole('status')).toContainText('990001 passed AZ-900');
  await expect(section(page, 'Microsoft Certification profiles').locator('.editor-list')).toContainText('AZ-900 (November 2, 2026)');
  // An assessment, on the Partner University account. A profile added
  // meanwhile, listed before it, does not change the holder shown from the
  // one the form submits.
  await page.locator('#exam-holder').selectOption('pu:ines@northwind.example');
  await fillAndSubmit(page, [
    ['profile-mcid', '100001'],
    ['profile-username', 'omar.olsen@outlook.com'],
    ['profile-password', 'Learn#Omar'],
    ['profile-holder', 'Omar Olsen'],
  ]);
  await expect(section(page, 'Microsoft Certification profiles').getByRole('status')).toContainText('100001');
  await expect(page.locator('#exam-holder')).toHaveValue('pu:ines@northwind.example');
  await expect(page.locator('#exam-holder option:checked')).toHaveText('ines@northwind.example');
  await page.locator('#exam-kind').selectOption('assessment');
  await page.locator('input[name="exam-date"]').fill('2026-11-20');
  await fillAndSubmit(page, [['exam-code', 'PU-SEC-101'], ['exam-title', 'Security foundations']]);
  await expect(section(page, 'Partner University accounts').locator('.editor-list')).toContainText('PU-SEC-101 (November 20, 2026)');
  await page.locator('#exam-holder').selectOption('mcid:990001');
  await page.locator('#exam-kind').selectOption('exam');

  // What would break the scenario is refused, and says why.
  await fillAndSubmit(page, [['org-mpn-id', '4200001'], ['org-name', 'Northwind again']]);
  await expect(section(page, 'Organisations').getByRole('alert')).toContainText('already in the scenario (Northwind Traders)');
  await expect(section(page, 'Organisations').getByRole('alert')).toContainText('(D4)');
  // The field it is about has the keyboard, marked invalid and described by the refusal.
  const mpnId = page.locator('input[name="org-mpn-id"]');
  await expect(mpnId).toBeFocused();
  await expect(mpnId).toHaveAttribute('aria-invalid', 'true');
  await expect(mpnId).toHaveAccessibleDescription(/already in the scenario \(Northwind Traders\)/);
  await expect(page.locator('input[name="org-name"]')).not.toHaveAttribute('aria-invalid');
  await page.locator('input[name="exam-date"]').fill('2099-01-01');
  await fillAndSubmit(page, [['exam-code', 'AZ-104'], ['exam-title', 'Azure Administrator']]);
  await expect(section(page, 'Exams, certifications and assessments passed').getByRole('alert')).toContainText('(D1)');
  // A year past what Certlink keeps is Certlink's refusal too, not the browser's.
  await page.locator('input[name="exam-date"]').evaluate((input: HTMLInputElement) => {
    input.value = '12000-01-01';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await fillAndSubmit(page, [['exam-code', 'AZ-104'], ['exam-title', 'Azure Administrator']]);
  await expect(section(page, 'Exams, certifications and assessments passed').getByRole('alert')).toContainText(
    'That date is outside the dates Certlink keeps. Choose a date from the year 1 to the year 9999.',
  );
  // A date left half typed is refused too, never taken for today.
  await page.locator('input[name="exam-date"]').fill('2026-11-20');
  await page.locator('input[name="exam-date"]').focus();
  await page.keyboard.press('Backspace');
  expect(await page.locator('input[name="exam-date"]').evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true);
  await fillAndSubmit(page, [['exam-code', 'AZ-104'], ['exam-title', 'Azure Administrator']]);
  await expect(section(page, 'Exams, certifications and assessments passed').getByRole('alert')).toContainText(
    'Enter a whole date, with its day, month and year: this one is incomplete or does not exist. (D1)',
  );
  await settled(page);
  // Nothing was recorded: no list of the editor names the exam.
  await expect(page.getByRole('main')).not.toContainText('AZ-104 (');
  await expect(section(page, 'Exams, certifications and assessments passed').getByRole('status')).not.toContainText('AZ-104');
  // The yearly limit's numbers (D6), each within its range.
  await page.locator('input[name="limit-per-year"]').fill('two');
  await page.locator('input[name="limit-per-year"]').press('Enter');
  await expect(section(page, 'Yearly limit').getByRole('alert')).toContainText('(D6)');
  await page.locator('input[name="limit-per-year"]').fill('2');
  await page.locator('input[name="limit-cool-off"]').fill('10');
  await page.locator('input[name="limit-cool-off"]').press('Enter');
  await expect(section(page, 'Yearly limit').getByRole('status')).toContainText('Yearly limit set to 2 associations a year, 10 days apart. (D6)');
  await expect(section(page, 'Yearly limit').locator('.editor-list')).toContainText('Certlink allows 2 associations');
  await expectAccessible(page);

  // Ines, one of the people built, links her MCID with Northwind.
  const app = new CertlinkPage(page);
  await app.signIn('ines@northwind.example', 'Northwind#1');
  await app.associateMcid('ines.ito@outlook.com', 'Learn#Northwind');
  await expect(app.status).toContainText('MCID 990001 is now linked to Northwind Traders');
  // The timeline keeps the setup as the trainer's.
  await page.goto('./#/timeline');
  await expect(page.getByRole('main')).toContainText('Northwind Traders (MPN ID 4200001) was added');
});

test('the editor in French: its forms, a refusal worded in French, and axe clean', async ({ page }) => {
  await page.goto('./?lang=fr#/editor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Éditeur de scénario');
  await page.getByRole('button', { name: 'Un scénario vide' }).click();
  await fillAndSubmit(page, [['org-mpn-id', '42a'], ['org-name', 'Northwind']]);
  await expect(section(page, 'Organisations').getByRole('alert')).toContainText(
    'L’ID MPN s’écrit avec des chiffres seulement, de 1 à 12. (D4)',
  );
  // The work account form with no organisation yet is still refused with a reason.
  await fillAndSubmit(page, [
    ['account-email', 'ines@northwind.example'],
    ['account-name', 'Ines'],
    ['account-password', 'Northwind#1'],
  ]);
  await expect(section(page, 'Comptes professionnels').getByRole('alert')).toContainText('(D4)');
  await expectAccessible(page);
});

test('starting anew where the scenario open cannot be kept asks first; started anyway, it says that scenario was not kept', async ({ page }) => {
  // No room for a restore point in this browser.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('certlink.restore.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const app = new CertlinkPage(page);
  await app.linkPriya();
  await page.goto('./#/editor');
  const start = section(page, 'Start from');
  await page.locator('#start-empty').click();
  await expect(start.getByRole('alert')).toContainText('Nothing was replaced: there is no room left to keep the scenario open now as a restore point');
  await start.getByRole('button', { name: 'Replace it anyway' }).click();
  await expect(start.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Started anew. The scenario it replaced was not kept, as you chose.');
  await expectAccessible(page);
});

test('the yearly limit’s fields follow the limits stored when the scenario is started anew, and keep what is typed', async ({ page }) => {
  await page.goto('./#/editor');
  await page.locator('input[name="limit-per-year"]').fill('5');
  await page.locator('input[name="limit-cool-off"]').fill('0');
  await page.locator('input[name="limit-cool-off"]').press('Enter');
  await expect(section(page, 'Yearly limit').getByRole('status')).toContainText('Yearly limit set to 5');
  await page.locator('#start-demo').click();
  await expect(section(page, 'Start from').getByRole('status').filter({ hasText: /\S/ })).toContainText('Started anew');
  await expect(page.locator('input[name="limit-per-year"]')).toHaveValue('3');
  await expect(page.locator('input[name="limit-cool-off"]')).toHaveValue('30');
  // Typed and not sent yet: a start anew leaves it as typed.
  await page.locator('input[name="limit-per-year"]').fill('4');
  await page.locator('#start-empty').click();
  await expect(section(page, 'Start from').getByRole('status').filter({ hasText: /\S/ })).toContainText('Started anew');
  await expect(page.locator('input[name="limit-per-year"]')).toHaveValue('4');
  // Another tab sets the days between associations: the field left alone
  // here follows, the one typed in keeps what was typed, and sending it
  // does not undo the other tab's days.
  const other = await page.context().newPage();
  await other.goto('./#/editor');
  await other.locator('input[name="limit-cool-off"]').fill('10');
  await other.locator('input[name="limit-cool-off"]').press('Enter');
  await expect(section(other, 'Yearly limit').getByRole('status')).toContainText('Yearly limit set to 3');
  await other.close();
  await expect(page.locator('input[name="limit-cool-off"]')).toHaveValue('10');
  await expect(page.locator('input[name="limit-per-year"]')).toHaveValue('4');
  await page.locator('input[name="limit-per-year"]').press('Enter');
  await expect(section(page, 'Yearly limit').getByRole('status')).toContainText('Yearly limit set to 4');
  await expect(section(page, 'Yearly limit').getByRole('status')).toContainText('10');
});

test('what is typed in the editor and not sent yet is still there after a look at another page', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./#/editor');
  await page.locator('input[name="org-mpn-id"]').fill('4200009');
  await page.locator('input[name="org-name"]').fill('Tailspin Toys');
  await page.locator('input[name="exam-code"]').fill('AZ-204');
  // What is chosen beside the text comes back with it.
  await page.locator('#account-role').selectOption('global');
  await page.locator('#account-state').selectOption('deleted');
  await page.locator('#exam-kind').selectOption('assessment');
  await page.locator('input[name="exam-date"]').fill('2026-03-01');
  await app.navigate('FAQ');
  await expect(app.heading).not.toHaveText('Scenario editor');
  await page.goto('./#/editor');
  await expect(page.locator('#account-role')).toHaveValue('global');
  await expect(page.locator('#account-state')).toHaveValue('deleted');
  await expect(page.locator('#exam-kind')).toHaveValue('assessment');
  await expect(page.locator('input[name="exam-date"]')).toHaveValue('2026-03-01');
  await expect(page.locator('input[name="org-mpn-id"]')).toHaveValue('4200009');
  await expect(page.locator('input[name="org-name"]')).toHaveValue('Tailspin Toys');
  await expect(page.locator('input[name="exam-code"]')).toHaveValue('AZ-204');
  // Sent, the form is cleared as before.
  await page.locator('input[name="org-name"]').press('Enter');
  await expect(section(page, 'Organisations').getByRole('status')).toContainText('Tailspin Toys');
  await expect(page.locator('input[name="org-name"]')).toHaveValue('');
  // Text typed and not sent is lost with the page: closing it asks first.
  await expect(page.locator('input[name="exam-code"]')).toHaveValue('AZ-204');
  await expectLeavingToAsk(page);
});

test('a reload the person accepts finds what was typed and not sent, but for passwords', async ({ page }) => {
  await page.goto('./#/editor');
  await page.locator('input[name="exam-code"]').fill('AZ-204');
  await page.locator('input[name="account-email"]').fill('nina@tailspin.com');
  await page.locator('input[name="account-password"]').fill('Secret#2026');
  await page.locator('#account-role').selectOption('global');
  await page.locator('input[name="exam-date"]').fill('2026-03-01');
  // Leaving asks first; the person goes on with the reload.
  page.on('dialog', (dialog) => dialog.accept());
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenario editor');
  await expect(page.locator('input[name="exam-code"]')).toHaveValue('AZ-204');
  await expect(page.locator('input[name="account-email"]')).toHaveValue('nina@tailspin.com');
  await expect(page.locator('#account-role')).toHaveValue('global');
  await expect(page.locator('input[name="exam-date"]')).toHaveValue('2026-03-01');
  // A password is never written to storage.
  await expect(page.locator('input[name="account-password"]')).toHaveValue('');
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('Secret#2026');
  // Another tab starts with empty forms.
  const other = await page.context().newPage();
  await other.goto('./#/editor');
  await expect(other.locator('input[name="exam-code"]')).toHaveValue('');
  await other.close();
});

test('started anew from empty, an exam recorded with nobody to choose says to add someone first', async ({ page }) => {
  await page.goto('./#/editor');
  await page.locator('#start-empty').click();
  await expect(section(page, 'Start from').getByRole('status').filter({ hasText: /\S/ })).toContainText('Started anew');
  await fillAndSubmit(page, [['exam-code', 'AZ-900'], ['exam-title', 'Azure Fundamentals']]);
  await expect(section(page, 'Exams, certifications and assessments passed').getByRole('alert')).toContainText(
    'Choose who passed it. If the list is empty, add a Microsoft Certification profile or a Partner University account first. (D7)',
  );
  await expect(page.locator('#exam-holder')).toBeFocused();
  // The trainer panel has nobody to play either: it says so, and Switch
  // persona is off rather than refused with a sign-in message.
  await page.getByRole('button', { name: 'Trainer' }).click();
  const panel = page.getByRole('complementary', { name: 'Trainer panel' });
  await expect(panel.getByRole('button', { name: 'Switch persona' })).toBeDisabled();
  await expect(panel).toContainText('This scenario has no active work account to play: add one in the Scenario editor (its link is at the foot of this panel)');
});

test('the sign-in page lists only the demo accounts the scenario open has: none for an empty one', async ({ page }) => {
  await page.goto('./#/sign-in');
  await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
  await expect(page.locator('.demo-accounts li')).toHaveCount(11);
  await page.getByRole('button', { name: 'Trainer' }).click();
  await page.getByRole('link', { name: 'Scenario editor' }).click();
  await page.getByRole('button', { name: 'An empty scenario' }).click();
  await expect(section(page, 'Start from').getByRole('status').filter({ hasText: /\S/ })).toContainText('Started anew');
  await page.goto('./#/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Partner Center');
  await expect(page.getByRole('heading', { name: 'Demo accounts' })).toHaveCount(0);
});
