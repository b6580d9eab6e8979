// Minifies, in a release build, wasm-bindgen's JS glue and assets/shell.js
// with terser, and gives their tags in index.html the new integrity. Trunk
// minifies the CSS and HTML but not the glue, and its JS minifier names a
// script's constants in a different order on each build: the same source
// would give another file, another service worker cache, and every
// returning visitor would download the whole app again. terser gives the
// same output for the same input. (index.html marks shell.js
// data-no-minify, so Trunk leaves it to this stage.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLUE, oneFile, readIndex, setIntegrity, writeIndex } from './staging.mjs';

const SCRIPTS = [
  { pattern: GLUE, module: true, attribute: 'href' }, // the glue's preload
  { pattern: /^shell-[0-9a-f]+\.js$/, module: false, attribute: 'src' }, // assets/shell.js
];

export async function minifyScripts(staging) {
  const { minify } = await import('terser');
  let index = readIndex(staging);
  const names = [];
  for (const { pattern, module, attribute } of SCRIPTS) {
    const name = oneFile(staging, pattern);
    const path = join(staging.dir, name);
    const { code } = await minify(readFileSync(path, 'utf8'), { module, ecma: 2020 });
    writeFileSync(path, code);
    index = setIntegrity(staging, index, name, code, attribute);
    names.push(name);
  }
  writeIndex(staging, index);
  return names.join(', ');
}
