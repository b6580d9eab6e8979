// What the post-build stages share: the staging directory they work on
// (Trunk's output before it becomes dist/), its index.html, and the names
// and integrity attributes made from a file's content. A file named after
// its content is cached for ever by a browser and never mixed with another
// build's; an integrity attribute lets the browser refuse a changed file,
// so every stage that rewrites a file rewrites its integrity too.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The integrity attribute's value for `text` (a string or bytes). */
export const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
/** The 16 hex digits a file made of `text` is named after. */
export const short = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The one file of the staging directory whose name matches `pattern`. */
export const oneFile = (staging, pattern) => {
  const names = readdirSync(staging.dir).filter((f) => pattern.test(f));
  if (names.length !== 1) throw new Error(`post-build: ${names.length} files match ${pattern} in ${staging.dir}`);
  return names[0];
};

/** wasm-bindgen's JS glue (as Trunk names it), and the WebAssembly beside it. */
export const GLUE = /^certlink-[0-9a-f]+\.js$/;
export const glue = (staging) => {
  const name = oneFile(staging, GLUE);
  const path = join(staging.dir, name);
  return { name, path, wasmPath: path.replace(/\.js$/, '_bg.wasm') };
};

export const readIndex = (staging) => readFileSync(staging.indexPath, 'utf8');
export const writeIndex = (staging, index) => writeFileSync(staging.indexPath, index);

/** The tag of index.html whose `attribute` names the file `name`. */
export const tagOf = (name, attribute) => new RegExp(`<[^>]*\\b${attribute}="?\\./${name.replaceAll('.', '\\.')}"?[^>]*>`);

/** `index` with the tag whose `attribute` names the file `name` given the
 *  integrity of its new `code`. */
export const setIntegrity = (staging, index, name, code, attribute) => {
  const found = index.match(tagOf(name, attribute));
  const integrity = /(\bintegrity="?)sha384-[A-Za-z0-9+/=]+/;
  if (!found || !integrity.test(found[0])) throw new Error(`post-build: no integrity for ${name} in ${staging.indexPath}`);
  return index.replace(found[0], found[0].replace(integrity, `$1${sri(code)}`));
};
