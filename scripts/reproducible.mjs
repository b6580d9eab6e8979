// `make test`'s reproducible step: builds the release bundle a second time,
// into target/dist-again, and fails unless every file of it is the same as
// in dist/. The service worker's cache is named after the build's files:
// a rebuild of the same source that changed a byte (as Trunk's JS minifier
// can, at random) would make every returning visitor download the whole
// app again, and a trainer's offline copy be replaced for nothing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const again = 'target/dist-again';
rmSync(again, { recursive: true, force: true });
try {
  execFileSync('trunk', ['build', '--release', '--locked', '--dist', again], { stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  console.error(`reproducible: the second build failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  console.log('reproducible: 0 passed, 1 failed');
  process.exit(1);
}

const digests = (dir) =>
  new Map(readdirSync(dir).map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]));
const first = digests(dist);
const second = digests(again);
const differ = [...new Set([...first.keys(), ...second.keys()])]
  .sort()
  .filter((name) => first.get(name) !== second.get(name))
  .map((name) => `  ${name}: ${first.has(name) ? (second.has(name) ? 'differs' : `only in ${dist}`) : `only in ${again}`}`);
if (differ.length > 0) {
  console.error(`reproducible: two builds of the same source differ:\n${differ.join('\n')}`);
  console.log('reproducible: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`reproducible: the second build's ${second.size} files are the same as ${dist}/'s`);
console.log('reproducible: 1 passed, 0 failed');
