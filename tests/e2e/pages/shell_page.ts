// The shell as a person sees it: header, language switch, My Profile.
import type { Locator, Page } from '@playwright/test';

export class ShellPage {
  readonly page: Page;
  readonly banner: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly language: Locator;

  constructor(page: Page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    this.main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1 });
    this.language = page.getByRole('combobox');
  }

  async goto(hash = '#/') {
    await this.page.goto(hash);
    await this.heading.waitFor();
  }

  myProfile(name = 'My Profile'): Locator {
    return this.banner.getByRole('link', { name, exact: true });
  }

  async chooseLanguage(code: 'en' | 'fr') {
    await this.language.selectOption(code);
  }
}
