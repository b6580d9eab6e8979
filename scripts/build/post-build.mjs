// Trunk's post-build hook (Trunk.toml): runs Certlink's post-build stages,
// in order, on Trunk's staging directory, the files that become dist/.
// Together they make dist/ run under index.html's strict
// Content-Security-Policy, load its WebAssembly in parts, and work offline.
// Each stage is one file of this directory, says what it does and why in
// its header, and reads and writes the staging directory only; the order
// matters where a stage reads what an earlier one wrote (the glue, the
// loader and the styles are final before sw.js lists the build's files).
// The build is a release one when Trunk says so (TRUNK_PROFILE); the
// staging directory is TRUNK_STAGING_DIR, or the first argument, or dist/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { joinStylesheets } from './stylesheets.mjs';
import { bringSplitFiles } from './split-files.mjs';
import { renameImports } from './rename-imports.mjs';
import { minifyScripts } from './minify-scripts.mjs';
import { moveLoaderToFile } from './loader-to-file.mjs';
import { writeManifest } from './manifest.mjs';
import { writeServiceWorker } from './service-worker.mjs';

const STAGES = [
  // Before the split files: the later stylesheet comes with the later file.
  { name: 'stylesheets', run: joinStylesheets },
  { name: 'split files', run: bringSplitFiles },
  { name: 'rename imports', run: renameImports, releaseOnly: true },
  { name: 'minify scripts', run: minifyScripts, releaseOnly: true },
  { name: 'loader to file', run: moveLoaderToFile },
  { name: 'manifest', run: writeManifest },
  { name: 'service worker', run: writeServiceWorker },
];

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const release = process.env.TRUNK_PROFILE === 'release';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staging = {
  dir,
  release,
  root,
  indexPath: join(dir, 'index.html'),
  // Where wasm-bindgen, and the wasm-split shim, write: the split files.
  bindgenOut: join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm-bindgen', release ? 'release' : 'debug'),
};

for (const { name, run, releaseOnly } of STAGES) {
  const done = releaseOnly && !release ? 'skipped (not a release build)' : await run(staging);
  console.log(`post-build: ${name}: ${done}`);
}
