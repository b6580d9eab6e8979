// The bundle-size budget, the last step of `make test` (and the first
// figures `make bench` prints): gzips (level 9) every file of dist/ and
// fails when the first load is over FIRST_LOAD_KB, or all files together
// over ALL_FILES_KB. The budgets live here, in one place; later work stays
// under them or argues for moving them. docs/performance.md has the
// figures measured and how the budgets moved.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The first load counts every file of dist/ but those ON_FIRST_USE names;
// all files counts those too (the later parts, the reader, and the code
// they share).
export const FIRST_LOAD_KB = 150;
export const ALL_FILES_KB = 457;
/** The files a first visit does not wait for: fetched when a later part
 *  is about to be shown (with its stylesheet), or (the reader) when there
 *  is a text to read. */
const ON_FIRST_USE = /^((split|chunk)_[a-z0-9_]+-[0-9a-f]+\.wasm|style-later-[0-9a-f]+\.css)$/;

const dist = process.argv[2] ?? 'dist';
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);
if (files.length === 0) {
  console.error(`budget: ${dist} is empty; build it first`);
  process.exit(1);
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const sizes = files.sort().map((path) => {
  const raw = readFileSync(path);
  const name = relative(dist, path);
  return { name, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, later: ON_FIRST_USE.test(name) };
});
const table = (rows) => rows.map(({ name, raw, gz }) => `  ${name.padEnd(40)} ${kb(raw)} KB raw ${kb(gz)} KB gzipped`).join('\n');
const sum = (rows) => rows.reduce((total, { gz }) => total + gz, 0);
const first = sizes.filter((file) => !file.later);
const later = sizes.filter((file) => file.later);
const line = (label, bytes) => `  ${label.padEnd(40)} ${''.padStart(15)} ${kb(bytes)} KB gzipped`;
console.log(`Bundle size (gzip -9). The first load, budget ${FIRST_LOAD_KB} KB:\n${table(first)}\n${line('first load', sum(first))}`);
console.log(`Fetched when a later part is first shown, or a text is to be read:\n${table(later)}`);
console.log(line(`all files (budget ${ALL_FILES_KB} KB)`, sum(sizes)));
const over = [
  [sum(first), FIRST_LOAD_KB, 'the first load'],
  [sum(sizes), ALL_FILES_KB, 'all files'],
].filter(([bytes, budget]) => bytes > budget * 1024);
for (const [bytes, budget, what] of over) {
  console.error(`budget: FAILED, ${what}: ${(bytes / 1024).toFixed(1)} KB is over the ${budget} KB budget`);
}
if (over.length > 0) {
  console.log('budget: 0 passed, 1 failed');
  process.exit(1);
}
console.log('budget: 1 passed, 0 failed');
