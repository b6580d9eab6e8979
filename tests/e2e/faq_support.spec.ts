// The FAQ (deep links, search) and the support router (R16).
import { test, expect, settled } from './fixtures';
import { CertlinkPage } from './pages/certlink_page';

test('each FAQ entry has a deep link that survives a reload', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/faq/r12-moving-company');
  const entry = page.getByRole('region', { name: 'I left company A and now work for company B. How do I link my MCID with B?' });
  await expect(entry).toContainText('they will automatically be unlinked from company A');
  await page.reload();
  await expect(entry).toBeInViewport();
});

test('a question’s link followed from the FAQ page takes the keyboard to that question, in view', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/faq');
  const question = page.getByRole('heading', { name: 'I left company A and now work for company B. How do I link my MCID with B?' });
  await page.getByRole('link', { name: /Link to this question \(R12\)/ }).click();
  await expect(page).toHaveURL(/#\/faq\/r12-moving-company$/);
  await expect(question).toBeFocused();
  await expect(question).toBeInViewport();
});

test('searching the FAQ keeps only the questions that match', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/faq');
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await page.getByLabel('Search the questions').fill('merge');
  await expect(page.locator('.faq-entry')).toHaveCount(1);
  await expect(page.getByText('contact Certification Support.')).toBeVisible();
  // Said in a status region already on the page, so that a screen reader
  // says it.
  await page.evaluate(() => document.querySelectorAll('main [role=status]').forEach((e) => e.setAttribute('data-before', '')));
  await page.getByLabel('Search the questions').fill('zzz');
  await expect(page.locator('main [role=status][data-before]').filter({ hasText: /\S/ })).toHaveText('No question matches your search.');
});

test('the support router sends a merge question to Certification Support (R16)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('A question about merging MCIDs').check();
  await expect(page.getByRole('heading', { name: 'Certification Support (R16)' })).toBeVisible();
  await expect(page.getByText(/official transcript of MCID 985005678: AZ-104, AZ-305, MS-900/)).toBeVisible();
  await page.getByLabel('Describe the problem').fill('I have two MCIDs to merge.');
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(app.status.filter({ hasText: 'Ticket 1' })).toContainText('Ticket 1 opened with Certification Support. (R16)');
  await expect(page.getByRole('region', { name: 'Your tickets' })).toContainText('I have two MCIDs to merge.');
});

test('a date the problem started left half typed is refused, and no ticket is opened', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('A technical problem linking my MCID').check();
  await page.getByLabel('Describe the problem').fill('The link fails.');
  await page.locator('input[name="started"]').focus();
  await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Enter a whole date, with its day, month and year');
  // The date is marked as the field refused, named by the message, and has the keyboard.
  const started = page.locator('input[name="started"]');
  await expect(started).toHaveAttribute('aria-invalid', 'true');
  await expect(started).toHaveAttribute('aria-describedby', 'ticket-outcome');
  await expect(started).toBeFocused();
  await settled(page);
  await expect(page.getByRole('main')).not.toContainText('Ticket 1');
});

test('a ticket refused for its date or its description marks that field; one opened clears the mark', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('A technical problem linking my MCID').check();
  const details = page.locator('textarea[name="details"]');
  const started = page.locator('input[name="started"]');
  const refusal = page.getByRole('main').getByRole('alert');
  // No description.
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(refusal).toContainText('Describe the problem before opening a ticket.');
  await expect(details).toHaveAttribute('aria-invalid', 'true');
  await expect(details).toBeFocused();
  // A day after the scenario's today (D1).
  await details.fill('The link fails.');
  await started.fill('2099-01-01');
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(refusal).toContainText('is after the scenario’s today');
  await expect(started).toHaveAttribute('aria-invalid', 'true');
  await expect(details).not.toHaveAttribute('aria-invalid');
  await expect(started).toBeFocused();
  // Today: opened, and nothing is marked.
  await started.fill('');
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(app.status.filter({ hasText: 'Ticket 1' })).toBeVisible();
  await expect(started).not.toHaveAttribute('aria-invalid');
});

test('a problem the FAQ answers is routed to its entry, not to a ticket', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('lena@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('I was told my association is limited').check();
  await expect(page.getByRole('heading', { name: 'The FAQ answers this (R15)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open a ticket' })).toHaveCount(0);
  await page.getByRole('link', { name: 'I tried to associate my account and was told my association is limited. Why?' }).click();
  await expect(page).toHaveURL(/#\/faq\/r15-association-limited$/);
});

test('after opening a ticket with the keyboard, the keyboard is on the list that holds it', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('A technical problem linking my MCID').check();
  await page.getByLabel('Describe the problem').fill('The link fails.');
  await page.getByRole('button', { name: 'Open a ticket' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.status.filter({ hasText: 'Ticket 1' })).toContainText('Ticket 1 opened with Microsoft support. (R16)');
  await expect(page.getByRole('heading', { name: 'Your tickets' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveCount(0);
});

test('what is typed in a ticket survives another choice of problem, and a save in another tab', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await app.navigate('Support');
  await page.getByLabel('A technical problem linking my MCID').check();
  await page.getByLabel('Describe the problem').fill('The page stops at step 3.\nThen nothing.');
  // Another problem of the same kind: another form, the same text.
  await page.getByLabel('A technical problem unlinking my MCID').check();
  await expect(page.getByLabel('Describe the problem')).toHaveValue('The page stops at step 3.\nThen nothing.');
  // Another tab saves a change while the person types here.
  await page.getByLabel('Describe the problem').focus();
  const other = await page.context().newPage();
  await new CertlinkPage(other).signIn('sam@contoso.com');
  await other.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(other.locator('[data-tour="pu-since"]')).toBeVisible();
  await other.close();
  await expect(page.getByLabel('Describe the problem')).toHaveValue('The page stops at step 3.\nThen nothing.');
  await expect(page.getByLabel('Describe the problem')).toBeFocused();
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(app.status.filter({ hasText: 'Ticket 1' })).toContainText('Ticket 1 opened');
  await expect(page.getByLabel('Describe the problem')).toHaveValue('');
});
