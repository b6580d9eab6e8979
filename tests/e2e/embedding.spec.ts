// Static-site embedding, the strict Content-Security-Policy and offline
// use. Every other spec already fails on any console error, which
// includes every CSP violation; this one proves the policy is in force.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, expectAccessible } from './fixtures';
import { CertlinkPage, LEARN_PASSWORD } from './pages/certlink_page';

const port = Number(process.env.E2E_PORT ?? 4173);
const deep = `http://127.0.0.1:${port + 1}/intranet/tools/certlink/`;
const dist = path.resolve(__dirname, '..', '..', 'dist');

/** Runs `use` with `root` served on `servePort` (scripts/serve.mjs and its
 *  `options`), then stops the server and deletes `root`. */
async function serving(root: string, servePort: number, options: string[], use: (site: string) => Promise<void>) {
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--root', root, '--port', String(servePort), ...options], {
    cwd: path.resolve(__dirname, '..', '..'),
    stdio: 'ignore',
  });
  try {
    const site = `http://127.0.0.1:${servePort}/`;
    await expect.poll(() => fetch(site).then((r) => r.status).catch(() => 0)).not.toBe(0);
    await use(site);
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

/** `dir`'s worker made another build's: another cache name. */
function nextBuild(dir: string, version: string) {
  const worker = path.join(dir, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/(['"])certlink-[0-9a-f]{16}( ?)\1/, `$1certlink-${version}$2$1`));
}

test('the strict policy is in force: an inline script is refused', async ({ page, consoleErrors }) => {
  await page.goto('./#/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  const violated = await page.evaluate(async () => {
    const seen = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    return [await seen, (window as unknown as { inlineRan?: boolean }).inlineRan ?? false] as const;
  });
  expect(violated).toEqual(['script-src-elem', false]);
  // The refusal the browser logged is this test's own doing.
  expect(consoleErrors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  consoleErrors.length = 0;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('dist/ served under a deep path: deep links, reload and sign-in work there', async ({ page }) => {
  await page.goto(`${deep}#/faq/r12-moving-company`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frequently asked questions about linking accounts');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frequently asked questions about linking accounts');
  await page.goto(`${deep}?lang=fr#/sign-in`);
  await page.getByLabel('Adresse e-mail professionnelle').fill('priya@contoso.com');
  await page.getByLabel('Mot de passe', { exact: true }).fill('Partner#2026');
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/intranet\/tools\/certlink\/\?lang=fr#\/profile$/);
});

test('two embeds on one intranet page: no brand or footer, each with its own data', async ({ page }) => {
  // A page of the intranet's own, on the same origin, with two embeds.
  const intranet = `http://127.0.0.1:${port + 1}/intranet/home.html`;
  await page.route(intranet, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Intranet</title><body>
        <iframe title="Certlink A" src="${deep}?embed=1&storage=team-a#/sign-in" width="1000" height="700"></iframe>
        <iframe title="Certlink B" src="${deep}?embed=1&storage=team-b#/sign-in" width="1000" height="700"></iframe>
      </body></html>`,
    }),
  );
  await page.goto(intranet);
  const a = page.frameLocator('iframe[title="Certlink A"]');
  const b = page.frameLocator('iframe[title="Certlink B"]');
  await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(a.getByRole('link', { name: /Certlink/ })).toBeHidden();
  await expect(a.getByRole('contentinfo')).toBeHidden();
  await expect(a.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await a.getByLabel('Work email').fill('priya@contoso.com');
  await a.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await a.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await a.getByRole('button', { name: 'Associate Microsoft Learning account' }).click();
  await a.getByLabel('Microsoft Learning username').fill('priya.patel@outlook.com');
  await a.getByLabel('Microsoft Learning password').fill(LEARN_PASSWORD);
  await a.getByRole('button', { name: 'Associate', exact: true }).click();
  await expect(a.getByRole('main').getByRole('status').filter({ hasText: /\S/ })).toContainText('now linked to Contoso');
  // B never saw A's change: its own storage name, its own scenario.
  await b.getByLabel('Work email').fill('priya@contoso.com');
  await b.getByLabel('Password', { exact: true }).fill('Partner#2026');
  await b.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(b.getByText('No Microsoft Learning account is associated with this profile.')).toBeVisible();
  // axe (run after each test) then checks one embedded app on its own: the
  // test page's two identical copies would only repeat each landmark.
  await page.goto(`${deep}?embed=1&storage=team-a#/profile`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My Profile');
});

test('after one visit it loads and works with the network gone', async ({ page, context }) => {
  const app = new CertlinkPage(page);
  await app.open('#/');
  // The service worker has cached this build and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(app.heading).toBeVisible();
  await app.signIn('priya@contoso.com');
  await app.associateMcid('priya.patel@outlook.com', LEARN_PASSWORD);
  await expect(app.status).toContainText('MCID 985001234 is now linked to Contoso');
  await expectAccessible(page);
  // A page in the later WebAssembly file, never opened online: cached too.
  await app.navigate('FAQ');
  await expect(page.locator('.faq-entry')).toHaveCount(7);
  await context.setOffline(false);
});

test('a new build takes over only when no page of the old one is open, and removes the old cache', async ({ page }) => {
  // A navigation waits for the new worker's activation, which a machine
  // loaded by the other tests can make slow.
  test.slow();
  // Its own copy of dist/ on its own server, so the "next build" can be
  // written without touching what the other tests load.
  const copy = mkdtempSync(path.join(tmpdir(), 'certlink-dist-'));
  cpSync(dist, copy, { recursive: true });
  await serving(copy, port + 2, [], async (site) => {
    await page.goto(site);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cacheNames = () => page.evaluate(() => caches.keys());
    const [first] = await cacheNames();
    // One cache for this build in this folder.
    expect(first).toBe(`${first.split(' ')[0]} ${site}`);
    expect(first).toMatch(/^certlink-[0-9a-f]{16} /);
    // The next build is deployed: another worker, another cache name.
    nextBuild(copy, '0000000000000next');
    const next = `certlink-0000000000000next ${site}`;
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      // Installed beside the old one, which still serves this page.
      while (!registration.waiting) await new Promise((r) => setTimeout(r, 50));
    });
    expect((await cacheNames()).sort()).toEqual([first, next].sort());
    // Once no page of the old build is open, the new one takes over and the
    // old cache goes. On a busy machine the page can come back before the
    // old one is gone: it is then the old build's again, rightly, and the
    // person leaves and comes back once more.
    await expect(async () => {
      await page.goto('about:blank');
      await page.waitForTimeout(500);
      await page.goto(site);
      expect(await cacheNames()).toEqual([next]);
    }).toPass({ timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto(`${site}#/`);
  });
});

test('two copies of Certlink on one origin, of two builds, each keep their offline files', async ({ page, context }) => {
  test.slow();
  const root = mkdtempSync(path.join(tmpdir(), 'certlink-dist-'));
  cpSync(dist, path.join(root, 'team-a'), { recursive: true });
  cpSync(dist, path.join(root, 'team-b'), { recursive: true });
  nextBuild(path.join(root, 'team-b'), '00000000000000bb');
  await serving(root, port + 4, [], async (site) => {
    const app = new CertlinkPage(page);
    const controlled = async (url: string) => {
      await page.goto(url);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    };
    await controlled(`${site}team-a/`);
    await controlled(`${site}team-b/`);
    const names = await page.evaluate(() => caches.keys());
    expect(names).toHaveLength(2);
    expect(names).toContainEqual(expect.stringMatching(new RegExp(`^certlink-[0-9a-f]{16} ${site}team-a/$`)));
    expect(names).toContainEqual(`certlink-00000000000000bb ${site}team-b/`);
    await context.setOffline(true);
    await page.goto(`${site}team-a/#/faq`);
    await expect(app.heading).toHaveText('Frequently asked questions about linking accounts');
    await page.goto(`${site}team-b/#/faq`);
    await expect(app.heading).toHaveText('Frequently asked questions about linking accounts');
    await context.setOffline(false);
  });
});

test('a new build caches its own index.html from the server, not the copy the browser kept of the older one', async ({ page }) => {
  test.slow();
  const copy = mkdtempSync(path.join(tmpdir(), 'certlink-dist-'));
  cpSync(dist, copy, { recursive: true });
  // Files a year old, served with Last-Modified and no Cache-Control, as
  // many servers do: the browser may keep its copy for weeks unasked.
  const yearAgo = new Date(Date.now() - 365 * 86400000);
  for (const name of readdirSync(copy)) utimesSync(path.join(copy, name), yearAgo, yearAgo);
  await serving(copy, port + 5, ['--headers', 'last-modified'], async (site) => {
    await page.goto(site);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The next build is deployed, with an index.html of its own.
    const index = path.join(copy, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>Certlink</title>', '<title>Certlink</title><meta name="build" content="next">'));
    nextBuild(copy, '0000000000000next');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      while (!registration.waiting) await new Promise((r) => setTimeout(r, 50));
    });
    const cached = (address: string) =>
      page.evaluate(
        async ([name, address]) => (await (await caches.open(name)).match(address))?.text(),
        [`certlink-0000000000000next ${site}`, address],
      );
    expect(await cached('./index.html')).toContain('<meta name="build" content="next">');
    expect(await cached(site)).toContain('<meta name="build" content="next">');
  });
});

test('a new worker served before its own index.html (a host copying the build file by file) does not install, and installs once the page is there', async ({ page }) => {
  test.slow();
  const copy = mkdtempSync(path.join(tmpdir(), 'certlink-dist-'));
  cpSync(dist, copy, { recursive: true });
  await serving(copy, port + 7, [], async (site) => {
    await page.goto(site);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const [first] = await page.evaluate(() => caches.keys());
    // The next build's sw.js has landed; index.html is still the older
    // build's, whose app file has another name (its shell's and its
    // stylesheet's may be the same: they change less often).
    const index = path.join(copy, 'index.html');
    const thisBuilds = readFileSync(index, 'utf8');
    const app = /certlink-[0-9a-f]+\.js/g;
    expect(thisBuilds).toMatch(app);
    writeFileSync(index, thisBuilds.replace(app, 'certlink-00000000000older.js'));
    nextBuild(copy, '0000000000000next');
    const installs = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update().catch(() => undefined);
        const worker = registration.installing ?? registration.waiting;
        if (!worker) return 'none';
        while (worker.state === 'installing') await new Promise((r) => worker.addEventListener('statechange', r, { once: true }));
        return worker.state;
      });
    expect(await installs()).toBe('redundant');
    // The older build still serves the page, from its own cache.
    expect((await page.evaluate(() => caches.keys())).includes(first)).toBe(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The deploy ends: the new worker installs on the next visit.
    writeFileSync(index, thisBuilds);
    expect(await installs()).toBe('installed');
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).match('./index.html'))?.text(), `certlink-0000000000000next ${site}`);
    expect(cached).toBe(thisBuilds);
  });
});

test('on a host that serves files but not folders, one visit to index.html is enough to work offline, at either address', async ({ page, context }) => {
  test.slow();
  const copy = mkdtempSync(path.join(tmpdir(), 'certlink-dist-'));
  cpSync(dist, copy, { recursive: true });
  await serving(copy, port + 6, ['--folders', 'no'], async (site) => {
    const app = new CertlinkPage(page);
    await page.goto(`${site}index.html`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    await context.setOffline(true);
    await page.goto(`${site}#/faq`);
    await expect(app.heading).toHaveText('Frequently asked questions about linking accounts');
    await page.goto(`${site}index.html#/faq`);
    await expect(app.heading).toHaveText('Frequently asked questions about linking accounts');
    await context.setOffline(false);
  });
});
