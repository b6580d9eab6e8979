// My Profile, one FAQ case of the source per test (R6-R12, R15).
import { test, expect } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD, WORK_PASSWORD } from './pages/certlink_page';

test('first association: Priya links her MCID with Contoso (R8)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await expect(page.getByText('No Microsoft Learning account is associated with this profile.')).toBeVisible();
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('MCID 985001234 is now linked to Contoso');
  await expect(app.status).toContainText('(R8)');
  await expect(page.getByText('AZ-104 Microsoft Azure Administrator')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeVisible();
  await expect(page.getByText(/1 of 3 associations used in the last 365 days/)).toBeVisible();
});

test('wrong MCID password: refused with R8 and nothing changes', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await app.associateMcid('priya.patel@outlook.com', 'not-the-password');
  await expect(app.alert).toContainText('Nothing was changed');
  await expect(app.alert).toContainText('(R8)');
  await expect(page.getByText('No Microsoft Learning account is associated with this profile.')).toBeVisible();
  await expect(page.getByText('No association yet')).toBeVisible();
});

test('Partner University access, then Remove access (R6, R7)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('sam@contoso.com');
  await page.getByRole('button', { name: 'Get Partner University access' }).click();
  await expect(app.status).toContainText('(R6)');
  await expect(page.getByText('Your assessments will be reflected in the Partner Center User Skills report within 72hrs.')).toBeVisible();
  await page.getByRole('region', { name: 'Your Learning' }).getByRole('button', { name: 'Remove access' }).click();
  await expect(app.status).toContainText('Partner University access removed for sam@contoso.com. (R7)');
  await expect(page.getByRole('button', { name: 'Get Partner University access' })).toBeVisible();
});

test('same credentials: Sam uses his email to associate (R9)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('sam@contoso.com');
  const shortcut = page.getByRole('button', { name: 'Use sam@contoso.com to associate my Microsoft Learning account' });
  await expect(shortcut).toHaveCount(0);
  await page.getByRole('button', { name: 'Get Partner University access' }).click();
  await shortcut.click();
  await expect(page.getByRole('region', { name: 'Microsoft exams and certifications' }).getByRole('status')).toContainText('(R9)');
  await expect(page.getByText('985002345', { exact: true })).toBeVisible();
});

test('moving from company A to B: linking with Fabrikam unlinks Contoso (R12)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('mia@fabrikam.com');
  await app.associateMcid('mia.moreau@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('automatically unlinked from Contoso because it is now linked with Fabrikam');
  await expect(app.status).toContainText('(R12)');
  await app.signOut();
  await app.signIn('adam@contoso.com');
  await app.navigate('Skills report');
  await expect(app.reportRows('Chen Li').first()).toBeVisible();
  await expect(app.reportRows('Mia Moreau')).toHaveCount(0);
});

test('the yearly limit reached: Lena sees the date a new association may start (R15)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('lena@contoso.com');
  // To the minute: on the day alone, it would still be refused until the
  // hour the wait ends.
  const from = /may start on \w+ \d+, \d{4} at \d\d:\d\d UTC/;
  await expect(page.getByText(/3 of 3 associations used in the last 365 days\. A new association may start on \w+ \d+, \d{4} at \d\d:\d\d UTC\./)).toBeVisible();
  await app.associateMcid('lena.lindqvist@outlook.com', LEARN_PASSWORD);
  await expect(app.alert).toContainText('Your association is limited');
  await expect(app.alert).toContainText(from);
  await expect(app.alert).toContainText('(R15)');
});

test('French: the first association, worded in French from the source', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  await page.getByRole('combobox').selectOption('fr');
  await expect(app.heading).toHaveText('Mon profil');
  await page.getByRole('button', { name: 'Associer un compte Microsoft Learning' }).click();
  await expect(page.getByText('Quand vous y êtes invité, entrez les informations d’identification')).toBeVisible();
  await page.getByLabel('Nom d’utilisateur Microsoft Learning').fill('priya.patel@outlook.com');
  await page.getByLabel('Mot de passe Microsoft Learning').fill(LEARN_PASSWORD);
  await page.getByRole('button', { name: 'Associer', exact: true }).click();
  await expect(app.status).toContainText('Le MCID 985001234 est maintenant lié à Contoso');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('the keyboard stays where the person works when a control is replaced (R6, R8, R11)', async ({ page }) => {
  const app = new CertlinkPage(page);
  const exams = page.getByRole('heading', { name: 'Microsoft exams and certifications' });
  await app.signIn('priya@contoso.com');
  // Opening the form puts the keyboard in its first field; Cancel gives it back.
  await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Microsoft Learning username')).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Microsoft Learning username')).toBeFocused();
  await page.keyboard.type('priya.patel@outlook.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type(LEARN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('now linked to Contoso');
  // The form is gone: the keyboard is on its field's heading, not the top of the page.
  await expect(exams).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Remove access' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeVisible();
  await expect(exams).toBeFocused();
  // A refusal leaves the keyboard in the form, to correct it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Microsoft Learning username')).toBeFocused();
  await page.keyboard.type('priya.patel@outlook.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong password');
  await page.keyboard.press('Enter');
  await expect(app.alert).toBeVisible();
  await expect(page.getByLabel('Microsoft Learning password')).toBeFocused();
  await expect(page.getByLabel('Microsoft Learning password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Microsoft Learning password')).toHaveAccessibleDescription(/R8/);

  await app.signOut();
  await app.signIn('sam@contoso.com');
  await page.getByRole('button', { name: 'Get Partner University access' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your Learning' })).toBeFocused();
});

test('on a slow machine, a field the person clicks before the form is drawn keeps the keyboard', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('priya@contoso.com');
  // Frames come late, as on a loaded machine.
  await page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf(() => setTimeout(() => callback(performance.now()), 300));
  });
  await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await page.getByLabel('Microsoft Learning password').focus();
  await page.waitForTimeout(600);
  await expect(page.getByLabel('Microsoft Learning password')).toBeFocused();
  await page.keyboard.type(LEARN_PASSWORD);
  await expect(page.getByLabel('Microsoft Learning username')).toHaveValue('');
});

test('two Remove access buttons on one page are named apart; the association form closed leaves no password behind', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.signIn('chen@contoso.com');
  await expect(page.getByRole('button', { name: 'Remove access to Partner University', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove access for MCID \d+$/ })).toBeVisible();
  await app.signIn('priya@contoso.com');
  await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await page.getByLabel('Microsoft Learning password').fill('typed, then thought better of');
  // Escape closes it as Cancel does, and hands the keyboard back.
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Microsoft Learning password')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Associate Microsoft Learning account' })).toBeFocused();
  await page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await expect(page.getByLabel('Microsoft Learning password')).toHaveValue('');
});

test('an empty field is named in the page\'s language, with its rule, and the keyboard goes to it (R5, R8)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/sign-in', 'fr');
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.alert).toHaveText('Saisissez votre adresse e-mail professionnelle\u00a0: ce champ ne peut pas être vide. (R5)');
  await expect(page.getByLabel('Adresse e-mail professionnelle')).toBeFocused();
  await page.getByLabel('Adresse e-mail professionnelle').fill('priya@contoso.com');
  await main.getByRole('button', { name: 'Se connecter' }).click();
  await expect(app.alert).toContainText('le mot de passe de votre compte professionnel');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await page.getByLabel('Mot de passe', { exact: true }).fill(WORK_PASSWORD);
  await main.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/#\/profile$/);

  await page.getByRole('button', { name: 'Associer un compte Microsoft Learning' }).click();
  await page.getByLabel('Mot de passe Microsoft Learning').fill(LEARN_PASSWORD);
  await page.getByRole('button', { name: 'Associer', exact: true }).click();
  await expect(app.alert).toContainText('votre nom d’utilisateur Microsoft Learning');
  await expect(app.alert).toContainText('(R8)');
  await expect(page.getByLabel('Nom d’utilisateur Microsoft Learning')).toBeFocused();
  // The password beside the empty username was not looked at: it stays.
  await expect(page.getByLabel('Mot de passe Microsoft Learning')).toHaveValue(LEARN_PASSWORD);
  await page.getByLabel('Nom d’utilisateur Microsoft Learning').fill('priya.patel@outlook.com');
  await page.getByRole('button', { name: 'Associer', exact: true }).click();
  await expect(app.status).toContainText('(R8)');
  await expect(page.getByText('985001234', { exact: true })).toBeVisible();
});

test('signing in from a page that needs it goes back to that page (R5)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await app.open('#/skills-report');
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/sign-in\?then=skills-report$/);
  await page.getByLabel('Work email').fill('adam@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill(WORK_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/skills-report$/);
  await expect(app.heading).toBeFocused();
  await expect(app.reportRows('Chen Li').first()).toBeVisible();
  // The sign-in link of the header names no page: My Profile.
  await app.signOut();
  await app.navigate('FAQ');
  await expect(app.heading).not.toHaveText('Sign in to Partner Center');
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/#\/sign-in$/);
  // The address changes a frame before the page: the FAQ has an entry
  // about work email addresses too.
  await expect(app.heading).toHaveText('Sign in to Partner Center');
  await page.getByRole('main').getByRole('textbox', { name: 'Work email' }).fill('adam@contoso.com');
  await page.getByLabel('Password', { exact: true }).fill(WORK_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/#\/profile$/);
});

test('a wrong sign-in password is cleared and the keyboard goes back to it; an unknown address sends it to the address (R5)', async ({ page }) => {
  const app = new CertlinkPage(page);
  await page.goto('./?lang=fr#/sign-in');
  await expect(app.heading).toHaveText('Se connecter à l’Espace partenaires');
  const email = page.getByRole('main').getByRole('textbox', { name: 'Adresse e-mail professionnelle' });
  const password = page.locator('input[name="password"]');
  await email.fill('priya@contoso.com');
  await password.fill('not her password');
  await password.press('Enter');
  await expect(app.alert).toContainText('(R5)');
  await expect(password).toHaveValue('');
  await expect(password).toBeFocused();
  // Marked, and described by the refusal, for a screen reader.
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/R5/);
  await expect(email).toHaveValue('priya@contoso.com');
  await email.fill('nobody@contoso.com');
  await password.fill('Partner#2026');
  await password.press('Enter');
  await expect(app.alert).toContainText('nobody@contoso.com');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(password).not.toHaveAttribute('aria-invalid');
});
