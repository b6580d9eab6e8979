// SCORM 1.2: the package `make scorm` builds, served as a learning platform
// serves it (tests/e2e/scorm/: scorm-again's SCORM 1.2 run-time as the
// parent window's API, the SCO in an iframe, launched from the manifest).
// Two cases done through the UI are recorded by the platform; a reload
// resumes from what the platform kept; the manifest lists every file of
// the package; the package runs under its strict CSP.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LEARN_PASSWORD } from './pages/certlink_page';

const port = Number(process.env.E2E_PORT ?? 4173);
const platformUrl = `http://127.0.0.1:${port + 3}/`;
const root = path.resolve(__dirname, '..', '..');

type Recorded = {
  initialized: boolean;
  commits: number;
  finished: boolean;
  launched: string;
  cmi: { suspend_data: string; core: { lesson_status: string; exit: string; session_time: string; score: { raw: string; min: string; max: string } } } | null;
};

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { platform: Recorded }).platform);

async function openPlatform(page: Page): Promise<FrameLocator> {
  // A CSP violation inside the course would be reported here.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`), true);
  });
  await page.goto(platformUrl);
  const course = page.frameLocator('#course');
  await expect(course.locator('#practice-start-r8')).toBeVisible();
  return course;
}

async function doCase(course: FrameLocator, code: string, act: (course: FrameLocator) => Promise<void>) {
  await course.locator(`#practice-start-${code}`).click();
  await expect(course.locator('#practice-task')).toContainText(`(${code.toUpperCase()})`);
  await act(course);
  await course.locator('#check-my-work').click();
  await expect(course.locator('.practice-result')).toContainText('Score 100 / 100');
  await course.locator('#back-to-practice').click();
}

const firstLink = async (course: FrameLocator) => {
  await course.locator('a.profile-button').click();
  await course.locator('#associate').click();
  await course.locator('input[name="mcid-username"]').fill('priya.patel@outlook.com');
  await course.locator('input[name="mcid-password"]').fill(LEARN_PASSWORD);
  await course.getByRole('button', { name: 'Associate', exact: true }).click();
  await expect(course.locator('[data-tour="outcome"]')).toBeVisible();
};

const partnerUniversity = async (course: FrameLocator) => {
  await course.locator('a.profile-button').click();
  await course.locator('[data-tour="get-pu-access"]').click();
  await expect(course.locator('[data-tour="pu-since"]')).toBeVisible();
};

test('a learning platform records two cases done through the UI, then the session’s end', async ({ page }) => {
  const course = await openPlatform(page);
  expect((await recorded(page)).launched).toBe('course/launch.html');
  // The launch file opens the practice page (openPlatform saw it drawn).
  expect(page.frames().map((frame) => frame.url())).toContainEqual(expect.stringMatching(/\/course\/index\.html#\/practice$/));
  await expect.poll(async () => (await recorded(page)).initialized).toBe(true);
  // Opened, the lesson is incomplete.
  await expect.poll(async () => (await recorded(page)).cmi?.core.lesson_status).toBe('incomplete');

  await doCase(course, 'r8', firstLink);
  // Left unfinished from the first result on, should the page never get
  // to say so as it goes: the platform resumes it, progress kept.
  await expect.poll(async () => (await recorded(page)).cmi?.core.exit).toBe('suspend');
  await doCase(course, 'r6', partnerUniversity);
  const after = await recorded(page);
  expect(after.cmi!.core.lesson_status).toBe('incomplete');
  // No score before the lesson is finished: a platform may set passed or
  // failed from a score against the manifest's mastery score.
  expect(after.cmi!.core.score.raw).toBe('');
  expect(after.cmi!.suspend_data).toBe('p1;R8:P100;R6:P100');
  expect(after.cmi!.suspend_data.length).toBeLessThanOrEqual(4096);
  expect(after.commits).toBeGreaterThanOrEqual(4);
  expect(after.finished).toBe(false);

  // Leaving: the session's time, `suspend` (not complete), LMSFinish.
  await page.locator('#close').click();
  await expect.poll(async () => (await recorded(page)).finished).toBe(true);
  const end = await recorded(page);
  expect(end.cmi!.core.exit).toBe('suspend');
  expect(end.cmi!.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
  expect(end.cmi!.core.session_time).not.toBe('00:00:00');
});

test('a reload resumes from what the platform kept, with nothing of it left in the browser', async ({ page }) => {
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1;R8:P100');
  // The browser forgets Certlink's own copy; the platform keeps its own.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('certlink')) localStorage.removeItem(key);
  });
  await page.reload();
  const again = page.frameLocator('#course');
  const row = again.locator('#practice-start-r8').locator('xpath=ancestor::tr');
  await expect(row.locator('.state')).toHaveText('Passed');
  await expect(row.locator('.best')).toHaveText('100 / 100');
  await expect(again.locator('#practice-start-r6').locator('xpath=ancestor::tr').locator('.state')).toHaveText('Not started');
});

test('two learners on one browser: the second starts with nothing of the first’s practice, which stays kept for them', async ({ page }) => {
  await seedPlatform(page, { suspend_data: '', core: { lesson_status: 'not attempted', student_id: 'ann', entry: 'ab-initio' } });
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1;R8:P100');
  // The next learner on this classroom PC opens the course (the platform's
  // record is Bob's from the next page on: Ann's session ends as it goes).
  await page.addInitScript(() => {
    if (window === window.top) {
      const bob = { suspend_data: '', core: { lesson_status: 'not attempted', student_id: 'bob', entry: 'ab-initio' } };
      localStorage.setItem('platform.cmi', JSON.stringify(bob));
    }
  });
  await page.reload();
  const again = page.frameLocator('#course');
  await expect(again.locator('#practice-start-r8').locator('xpath=ancestor::tr').locator('.state')).toHaveText('Not started');
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1');
  // Ann's practice is still in this browser, apart.
  const anns = await page.evaluate(() => localStorage.getItem('certlink.practice.learner:ann'));
  expect(anns).toBe('p1;R8:P100');
});

test('two learners the platform does not name: the second starts with nothing of the first’s practice', async ({ page }) => {
  const unnamed = { suspend_data: '', core: { lesson_status: 'not attempted', student_id: '', entry: 'resume' } };
  await seedPlatform(page, unnamed);
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1;R8:P100');
  await page.addInitScript((next) => {
    if (window === window.top) localStorage.setItem('platform.cmi', JSON.stringify(next));
  }, unnamed);
  await page.reload();
  const again = page.frameLocator('#course');
  await expect(again.locator('#practice-start-r8').locator('xpath=ancestor::tr').locator('.state')).toHaveText('Not started');
  await expect(again.locator('#practice-start-r8').locator('xpath=ancestor::tr').locator('.best')).not.toContainText('100');
});

test('a course reloaded inside a session the platform has finished says its results no longer reach the platform, and keeps its learner’s practice', async ({ page }) => {
  await seedPlatform(page, { suspend_data: '', core: { lesson_status: 'not attempted', student_id: 'ann', entry: 'ab-initio' } });
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  // The course's own page reloads (a banner's Reload, say): its session
  // was finished as it went, and the platform will not open it again.
  await page.evaluate(() => (document.getElementById('course') as HTMLIFrameElement).contentWindow!.location.reload());
  await expect.poll(async () => (await recorded(page)).finished).toBe(true);
  await expect(course.getByRole('alert')).toContainText('Your learning platform’s session for this course is closed');
  await expect(course.getByRole('alert')).toContainText('open it again from the platform');
  // Still Ann's practice, not this browser's other one.
  await expect(course.locator('#practice-start-r8').locator('xpath=ancestor::tr').locator('.state')).toHaveText('Passed');
});

test('a kept progress the course cannot read stays on the platform as it was, with a notice, and results are still reported', async ({ page }) => {
  // What another version (or damage) left in cmi.suspend_data.
  const foreign = 'p9;R8:X;written by a later version';
  // Kept by the platform before it first opens the course.
  await page.addInitScript((text) => {
    if (window === window.top && !sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('platform.cmi', JSON.stringify({ suspend_data: text, core: { lesson_status: 'incomplete' } }));
    }
  }, foreign);
  const course = await openPlatform(page);
  await expect(course.getByRole('alert')).toContainText('The progress your learning platform kept for this course could not be read');
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).commits).toBeGreaterThanOrEqual(3);
  const after = await recorded(page);
  expect(after.cmi!.core.lesson_status).toBe('incomplete');
  expect(after.cmi!.suspend_data).toBe(foreign);
  // This browser keeps the learner's progress.
  const row = course.locator('#practice-start-r8').locator('xpath=ancestor::tr');
  await expect(row.locator('.state')).toHaveText('Passed');
});

test('a result the platform recorded is never taken back: a practice reset leaves its passed and score as they were', async ({ page }) => {
  await page.addInitScript(() => {
    if (window === window.top && !sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      const core = { lesson_status: 'passed', score: { raw: '92', min: '0', max: '100' } };
      localStorage.setItem('platform.cmi', JSON.stringify({ suspend_data: 'p1;R8:P100', core }));
    }
  });
  const course = await openPlatform(page);
  const row = course.locator('#practice-start-r8').locator('xpath=ancestor::tr');
  await expect(row.locator('.state')).toHaveText('Passed');
  await course.locator('#practice-reset').click();
  await course.locator('#practice-reset-confirm').click();
  await expect(row.locator('.state')).toHaveText('Not started');
  // The progress kept is the reset's; the platform's record stays.
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1');
  const after = await recorded(page);
  expect(after.cmi!.core.lesson_status).toBe('passed');
  expect(after.cmi!.core.score.raw).toBe('92');
});

// What a platform holds before it opens the course (its localStorage, read
// by tests/e2e/scorm/platform.js), seeded once.
async function seedPlatform(page: Page, cmi: object) {
  await page.addInitScript((kept) => {
    if (window === window.top && !sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('platform.cmi', JSON.stringify(kept));
    }
  }, cmi);
}

test('a platform’s own mastery score decides passed or failed when the last case is done', async ({ page }) => {
  // Eight cases failed at 60; the ninth done at 100 makes the lesson 64:
  // under the manifest’s 80, over the 60 this platform’s administrator set.
  const failed = ['R6', 'R9', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16'].map((code) => `${code}:F60`).join(';');
  await seedPlatform(page, { suspend_data: `p1;${failed}`, core: { lesson_status: 'incomplete' }, student_data: { mastery_score: '60' } });
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).cmi?.core.lesson_status).toBe('passed');
  expect((await recorded(page)).cmi!.core.score.raw).toBe('64');
});

test('a lesson the platform holds as completed is never told incomplete again', async ({ page }) => {
  // Its administrator marked it done; one case done here leaves the lesson
  // unfinished for this course, which keeps its progress there and nothing else.
  await seedPlatform(page, { suspend_data: 'p1', core: { lesson_status: 'completed' } });
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1;R8:P100');
  expect((await recorded(page)).cmi!.core.lesson_status).toBe('completed');
});

test('a course the platform opens to preview it says that its results are not recorded there', async ({ page }) => {
  await seedPlatform(page, { suspend_data: '', core: { lesson_status: 'not attempted', lesson_mode: 'browse' } });
  const course = await openPlatform(page);
  const preview = course.getByRole('main').getByRole('status').filter({ hasText: 'preview or review' });
  await expect(preview).toContainText(
    'Your learning platform opened this course to preview or review it: it does not record your results here.',
  );
  // A reset of the progress does not make the platform record it.
  await course.locator('#practice-reset').click();
  await course.locator('#practice-reset-confirm').click();
  await expect(course.locator('#practice-start-r8')).toHaveText('Start');
  await expect(preview).toBeVisible();
});

test('a course the platform opens normally says nothing of a preview', async ({ page }) => {
  await seedPlatform(page, { suspend_data: '', core: { lesson_status: 'not attempted', lesson_mode: 'normal' } });
  const course = await openPlatform(page);
  await expect.poll(async () => (await recorded(page)).initialized).toBe(true);
  await expect(course.locator('#practice-start-r8')).toBeVisible();
  await expect(course.getByText('preview or review')).toHaveCount(0);
});

test('a platform that answers an empty kept progress as the text null has it read as empty, and keeps the results', async ({ page }) => {
  await seedPlatform(page, { suspend_data: 'null', core: { lesson_status: 'incomplete' } });
  const course = await openPlatform(page);
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1;R8:P100');
  await expect(course.getByRole('alert')).toHaveCount(0);
});

test('a platform whose commit closes the course (its pagehide inside the commit) is still sent the session’s time and LMSFinish, and the page goes on', async ({ page }) => {
  const course = await openPlatform(page);
  await page.evaluate(() => sessionStorage.setItem('platform.reenter', '1'));
  await doCase(course, 'r8', firstLink);
  await expect.poll(async () => (await recorded(page)).finished).toBe(true);
  expect((await recorded(page)).cmi!.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
  // The page was not stopped: it still answers, and says the session is over.
  await expect(course.getByRole('main')).toContainText('Your learning platform’s session for this course is closed');
  await course.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(course.getByRole('main')).toContainText('La session de votre plateforme de formation pour ce cours est fermée');
});

test('a platform that refuses a result is said so, in both languages, and is sent everything again with the next one', async ({ page }) => {
  const course = await openPlatform(page);
  await page.evaluate(() => sessionStorage.setItem('platform.refuse', '1'));
  await course.locator('#practice-start-r8').click();
  await course.locator('#leave-practice').click();
  await expect(course.getByRole('alert')).toContainText('Your learning platform did not accept your latest result');
  await course.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(course.getByRole('alert')).toContainText('Votre plateforme de formation n’a pas accepté votre dernier résultat');
  await course.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await page.evaluate(() => sessionStorage.removeItem('platform.refuse'));
  await doCase(course, 'r8', firstLink);
  await expect(course.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await recorded(page)).cmi?.suspend_data).toBe('p1;R8:P100');
});

test('the manifest names one SCO launching the practice page, mastery 80, and lists every file of the package', async () => {
  // Read with Info-ZIP's unzip, not the code that wrote it.
  const zip = path.join(root, 'target', 'certlink-scorm.zip');
  const unzip = (...args: string[]) => execFileSync('unzip', [...args], { encoding: 'utf8' });
  unzip('-tq', zip);
  const names = unzip('-Z1', zip).trim().split('\n');
  expect(names[0]).toBe('imsmanifest.xml');
  const manifest = unzip('-p', zip, 'imsmanifest.xml');
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
  // Its titles, as a platform's catalogue shows them, in both languages.
  expect(manifest).toContain('<title>Certlink: link or unlink an MCID, practice / Certlink\u00a0: lier ou dissocier un MCID, entraînement</title>');
  expect(manifest).toContain('Entraînement\u00a0: les neuf cas de liaison et de dissociation d’un MCID</title>');
  expect(manifest.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
  // The SCO's href is a file of the package (a fragment is no file), which
  // opens the practice page with no script, under a CSP of its own.
  expect(manifest).toContain('adlcp:scormtype="sco" href="launch.html"');
  const launch = unzip('-p', zip, 'launch.html');
  expect(launch).toContain('<meta http-equiv="refresh" content="0; url=index.html#/practice">');
  expect(launch).not.toContain('<script');
  // It names no schema file the package does not carry.
  expect(manifest).not.toContain('.xsd');
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]).sort();
  expect(listed).toEqual(names.filter((n) => n !== 'imsmanifest.xml').sort());
  // Every file of the build is in the package, and nothing else but the
  // launch file.
  const dist = readdirSync(path.join(root, 'dist'));
  expect(listed).toEqual([...dist, 'launch.html'].sort());
  // The package's page carries the strict CSP (no inline script, no eval).
  const index = unzip('-p', zip, 'index.html');
  expect(index).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
});

test('with no platform around, practice mode runs on its own', async ({ page }) => {
  await page.goto('./#/practice');
  await page.locator('#practice-start-r6').click();
  await page.locator('a.profile-button').click();
  await page.locator('[data-tour="get-pu-access"]').click();
  await page.locator('#check-my-work').click();
  await expect(page.locator('.practice-result')).toContainText('Score 100 / 100');
  expect(await page.evaluate(() => 'API' in window)).toBe(false);
});
