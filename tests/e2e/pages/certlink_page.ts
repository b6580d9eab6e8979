// Certlink as a person uses it: sign in with a demo account, open a page,
// read the message a command left. Role-based locators only.
import { expect, type Locator, type Page } from '@playwright/test';

export const WORK_PASSWORD = 'Partner#2026';
export const LEARN_PASSWORD = 'Learn#2026';

export class CertlinkPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly alert: Locator;
  readonly status: Locator;
  /** A built-in case's notice: the person's own scenario is kept apart. */
  readonly caseNotice: Locator;
  /** The banner of a change the full storage refused. */
  readonly storageFull: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.alert = page.getByRole('main').getByRole('alert');
    // The answer a page gives: its status regions stay on the page, empty
    // until something is said in them.
    this.status = page.getByRole('main').getByRole('status').filter({ hasText: /\S/ });
    this.caseNotice = page.getByRole('status').filter({ hasText: 'You are in a built-in case.' });
    this.storageFull = page.getByRole('alert').filter({ hasText: 'storage is full' });
  }

  async open(hash: string, lang: 'en' | 'fr' = 'en') {
    await this.page.goto(`./?lang=${lang}${hash}`);
    await this.heading.waitFor();
  }

  /** Signs in from the sign-in page, through the form, and lands on My Profile. */
  async signIn(email: string, password = WORK_PASSWORD) {
    await this.page.goto('./#/sign-in');
    // The address changes a frame before the page: a page left on screen
    // may name a work email too (the FAQ does).
    await expect(this.heading).toHaveText('Sign in to Partner Center');
    await this.page.getByRole('main').getByRole('textbox', { name: 'Work email' }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page).toHaveURL(/#\/profile$/);
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/#\/sign-in$/);
  }

  /** Follows a link of the main navigation, as a person would. */
  async navigate(name: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  }

  async associateMcid(username: string, password: string) {
    await this.page.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
    await this.page.getByLabel('Microsoft Learning username').fill(username);
    await this.page.getByLabel('Microsoft Learning password').fill(password);
    await this.page.getByRole('button', { name: 'Associate', exact: true }).click();
  }

  /** Priya signs in and links her MCID with her Learn credentials (R8). */
  async linkPriya() {
    await this.signIn('priya@contoso.com');
    await this.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
    await expect(this.status).toContainText('MCID 985001234 is now linked to Contoso');
  }

  /** Priya links her MCID while the storage refuses her scenario's save
   *  (fixtures.ts's `fullStorageWhenAsked`, set up before): the link stays
   *  on screen, said not saved. */
  async linkPriyaNotSaved() {
    await this.signIn('priya@contoso.com');
    await this.page.evaluate(() => sessionStorage.setItem('test.full', 'yes'));
    await this.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
    await expect(this.storageFull).toBeVisible();
  }

  /** Loads a built-in case from the trainer panel, opening the panel if it
   *  is closed, and waits for the case's notice. */
  async loadCase(label = 'Same credentials shortcut (R9)') {
    const panel = this.page.getByRole('complementary', { name: 'Trainer panel' });
    // Open already if this tab had it open before a reload.
    const toggle = this.page.getByRole('button', { name: 'Trainer' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await panel.getByLabel('FAQ case', { exact: true }).selectOption({ label });
    await panel.getByRole('button', { name: 'Load (or start again)' }).click();
    await expect(this.caseNotice).toBeVisible();
  }

  reportRows(person: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(person) }) });
  }
}
