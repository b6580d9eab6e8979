// Lays out a learning platform's site for the SCORM e2e test:
// target/scorm-platform/ holds the platform page and scorm-again's SCORM
// 1.2 run-time, and course/ the package of dist/ as `make scorm` zips it
// (packed again here, so it is always the build under test), unzipped as a
// platform does on upload.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pack, readZip } from '../../../scripts/scorm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const zip = join(root, 'target', 'certlink-scorm.zip');
const site = join(root, 'target', 'scorm-platform');
pack(join(root, 'dist'), zip);
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'course'), { recursive: true });
for (const { name, data } of readZip(readFileSync(zip))) {
  const path = join(site, 'course', name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
cpSync(join(here, 'platform.html'), join(site, 'index.html'));
cpSync(join(here, 'platform.js'), join(site, 'platform.js'));
cpSync(join(root, 'node_modules', 'scorm-again', 'dist', 'scorm12.min.js'), join(site, 'scorm12.min.js'));
