// Brings the split WebAssembly files into the staging directory. The
// release app has split points (`views::draw`, `session::demo`'s and
// `session::reader`'s `advance`, `session::library::follow_library`:
// src/lazy.rs): the
// wasm-split shim (scripts/wasm-split-shim/wasm-bindgen) moves their code
// into split_*.wasm and chunk_*.wasm files, with __wasm_split.js that
// fetches them, beside wasm-bindgen's output in target/wasm-bindgen/,
// where Trunk does not look. This stage names each file after its content,
// as Trunk names its own, so a browser's cache never pairs one build's
// files with another's; in a release build it optimises each with
// wasm-opt with the flags Trunk gives the main file (index.html, which
// says why) and minifies the script.
// Each fetch checks its file's integrity; the glue imports the script
// under its new name, and index.html preloads it beside the glue, since
// otherwise it would be fetched only once the glue has arrived: one more
// round trip before the start.
// A WebAssembly whose split points were left unsplit (the plain
// wasm-bindgen first on PATH) would import from a module nobody provides
// and the app could not start: the build stops instead.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { glue, readIndex, setIntegrity, short, sri, tagOf, writeIndex } from './staging.mjs';

// The import statement only: the same name also keys the wasm's imports.
const SPLIT_IMPORT = 'from "./__wasm_split.js"';

export async function bringSplitFiles(staging) {
  const { dir, release, root, bindgenOut } = staging;
  const { name: glueName, path: gluePath, wasmPath } = glue(staging);
  if (readFileSync(wasmPath).includes('__wasm_split_placeholder__')) {
    throw new Error('post-build: the WebAssembly has split points that were not split; build through make (scripts/env.sh puts scripts/wasm-split-shim/wasm-bindgen first on PATH)');
  }
  let glueSource = readFileSync(gluePath, 'utf8');
  if (!glueSource.includes(SPLIT_IMPORT)) return 'none (no split points)';

  let script = readFileSync(join(bindgenOut, '__wasm_split.js'), 'utf8');
  const module = /from "\.\/certlink\.js"/;
  if (!module.test(script)) throw new Error(`post-build: ${bindgenOut}/__wasm_split.js does not import ./certlink.js`);
  script = script.replace(module, `from "./${glueName}"`);
  const fetches = [...script.matchAll(/fetch\(new URL\("\.\/((?:split|chunk)_[A-Za-z0-9_]+)\.wasm", import\.meta\.url\)\)/g)];
  if (fetches.length === 0) throw new Error(`post-build: ${bindgenOut}/__wasm_split.js fetches no WebAssembly`);
  const names = [];
  for (const [call, stem] of fetches) {
    const raw = join(bindgenOut, `${stem}.wasm`);
    const optimised = join(bindgenOut, `${stem}.opt.wasm`);
    if (release) execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--converge', '--strip-producers', '--strip-target-features', '--low-memory-unused', raw, '-o', optimised]);
    const bytes = readFileSync(release ? optimised : raw);
    const name = `${stem}-${short(bytes)}.wasm`;
    writeFileSync(join(dir, name), bytes);
    names.push(name);
    script = script.replace(call, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(bytes)}" })`);
  }
  script = withWasmType(script, fetches.length);
  if (staging.laterStyle) script = withLaterStyle(script, staging.laterStyle);
  if (release) {
    const { minify } = await import('terser');
    script = (await minify(script, { module: true, ecma: 2020 })).code;
  }
  const scriptName = `split-${short(script)}.js`;
  writeFileSync(join(dir, scriptName), script);

  let index = readIndex(staging);
  const gluePreload = tagOf(glueName, 'href');
  if (!gluePreload.test(index)) throw new Error(`post-build: no preload of ${glueName} in ${staging.indexPath}`);
  index = index.replace(gluePreload, (tag) => `${tag}<link rel="modulepreload" href="./${scriptName}" crossorigin integrity="${sri(script)}">`);
  // One import statement per split file's loader.
  glueSource = glueSource.replaceAll(SPLIT_IMPORT, `from "./${scriptName}"`);
  writeFileSync(gluePath, glueSource);
  // A release build's glue is minified by a later stage, which sets its
  // integrity then.
  if (!release) index = setIntegrity(staging, index, glueName, glueSource, 'href');
  writeIndex(staging, index);
  return `${scriptName}, ${names.join(', ')}`;
}

/** `script` compiling each file whatever type the host sends it as, as the
 *  first file's loader does (loader-to-file.mjs): a host that sends `.wasm`
 *  as application/octet-stream would otherwise load home and no other page.
 *  A failed fetch stays failed, and is said so. */
function withWasmType(script, files) {
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (script.split(streaming).length - 1 !== files) {
    throw new Error(`post-build: __wasm_split.js does not compile its ${files} files as this stage expects`);
  }
  const asWasm = "const asWasm = (r) => (r.ok ? new Response(r.body, { headers: { 'content-type': 'application/wasm' } }) : r);\n";
  return asWasm + script.replaceAll(streaming, 'WebAssembly.instantiateStreaming(src.then(asWasm), imports)');
}

/** `script` with the `later` file's loader waiting, beside its WebAssembly,
 *  for the later stylesheet (stylesheets.mjs): a later part is never drawn
 *  unstyled, and a stylesheet that fails to come fails the load, which the
 *  app says and offers to fetch again (the next load adds it afresh). */
function withLaterStyle(script, { name, integrity }) {
  const loader = /(export const __wasm_split_load_later = wrapAsyncCb\(makeLoad\([\s\S]*?\n, \[)([^\]]*)(\]\)\);)/;
  if (!loader.test(script)) throw new Error('post-build: __wasm_split.js has no loader of the later file to add its stylesheet to');
  const style = `let laterStyle;
const __later_style = () => laterStyle ??= new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.integrity = "${integrity}";
    link.onload = () => resolve();
    link.onerror = () => {
        link.remove();
        laterStyle = undefined;
        reject(new Error("the later stylesheet did not load"));
    };
    link.href = new URL("./${name}", import.meta.url).href;
    document.head.append(link);
});
`;
  return script.replace(loader, (_, head, deps, tail) => `${style}${head}${deps ? `${deps}, ` : ''}__later_style${tail}`);
}

