// Trunk's post-build hook (Trunk.toml): makes dist/ run under the strict
// Content-Security-Policy of index.html and work offline.
// - Trunk writes its loader as an inline <script type="module">; the policy
//   allows no inline script, so the loader moves to start-<hash>.js, with
//   the service worker's registration.
// - sw.js caches exactly this build's files under a name made of their
//   hash: one build, one cache, so a page never mixes two versions. A new
//   build's worker installs beside the old one, takes over once no page
//   of the old one is open, and deletes the old cache.
// - manifest.webmanifest makes it installable.
// - style/'s sheets are served as one file: one request before the first
//   paint instead of six.
// - The split WebAssembly files (app.rs `Later`, session::reader) and
//   their loader come into dist/, named after their content.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const short = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const release = process.env.TRUNK_PROFILE === 'release';
/** The one file of this build whose name matches `pattern`. */
const oneFile = (pattern) => {
  const names = readdirSync(dir).filter((f) => pattern.test(f));
  if (names.length !== 1) throw new Error(`postbuild: ${names.length} files match ${pattern} in ${dir}`);
  return names[0];
};
const GLUE = /^certlink-[0-9a-f]+\.js$/;
const glueName = oneFile(GLUE);
const gluePath = join(dir, glueName);
const wasmPath = gluePath.replace(/\.js$/, '_bg.wasm');
const { minify } = release ? await import('terser') : {};
/** The tag of index.html whose `attribute` names the file `name`. */
const tagOf = (name, attribute) => new RegExp(`<[^>]*\\b${attribute}="?\\./${name.replaceAll('.', '\\.')}"?[^>]*>`);
/** Gives the tag of index.html whose `attribute` names the file `name`
 *  the integrity of its new `code`. */
const setIntegrity = (name, code, attribute) => {
  const found = index.match(tagOf(name, attribute));
  const integrity = /(\bintegrity="?)sha384-[A-Za-z0-9+/=]+/;
  if (!found || !integrity.test(found[0])) throw new Error(`postbuild: no integrity for ${name} in ${indexPath}`);
  index = index.replace(found[0], found[0].replace(integrity, `$1${sri(code)}`));
};

// The split WebAssembly files (issue 7: app.rs `Later`, session::reader):
// our wasm-bindgen (scripts/bin/wasm-bindgen) left them, and the script
// that fetches them, beside Trunk's wasm-bindgen output. They come to dist/ named
// after their content like Trunk's files, so a browser's cache never
// pairs one build's pages with another's start; the fetch checks the
// file's integrity too. The glue imports the script under its new name.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bindgenOut = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm-bindgen', release ? 'release' : 'debug');
let glueSource = readFileSync(gluePath, 'utf8');
// Split points left unsplit (a build with the plain wasm-bindgen first on
// PATH) would import from a module no one provides: the app could not start.
if (readFileSync(wasmPath).includes('__wasm_split_placeholder__')) {
  throw new Error('postbuild: the WebAssembly has split points that were not split; build through make (scripts/env.sh puts scripts/bin/wasm-bindgen first on PATH)');
}
// The import statement only: the same name also keys the wasm's imports.
const splitImport = 'from "./__wasm_split.js"';
if (glueSource.includes(splitImport)) {
  let script = readFileSync(join(bindgenOut, '__wasm_split.js'), 'utf8');
  const module = /from "\.\/certlink\.js"/;
  if (!module.test(script)) throw new Error(`postbuild: ${bindgenOut}/__wasm_split.js does not import ./certlink.js`);
  script = script.replace(module, `from "./${glueName}"`);
  const fetches = [...script.matchAll(/fetch\(new URL\("\.\/((?:split|chunk)_[A-Za-z0-9_]+)\.wasm", import\.meta\.url\)\)/g)];
  if (fetches.length === 0) throw new Error(`postbuild: ${bindgenOut}/__wasm_split.js fetches no WebAssembly`);
  for (const [call, stem] of fetches) {
    const raw = join(bindgenOut, `${stem}.wasm`);
    const optimised = join(bindgenOut, `${stem}.opt.wasm`);
    // The same optimisation Trunk gives the main file (index.html's -Oz).
    if (release) execFileSync(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', raw, '-o', optimised]);
    const bytes = readFileSync(release ? optimised : raw);
    const name = `${stem}-${short(bytes)}.wasm`;
    writeFileSync(join(dir, name), bytes);
    script = script.replace(call, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(bytes)}" })`);
  }
  if (release) script = (await minify(script, { module: true, ecma: 2020 })).code;
  const scriptName = `split-${short(script)}.js`;
  writeFileSync(join(dir, scriptName), script);
  // Preloaded beside the glue, which imports it: otherwise it is fetched
  // only once the glue has arrived, one more round trip before the start
  // (Lighthouse, simulated mobile network: first paint 0.92 -> 1.07 s).
  const gluePreload = tagOf(glueName, 'href');
  if (!gluePreload.test(index)) throw new Error(`postbuild: no preload of ${glueName} in ${indexPath}`);
  index = index.replace(gluePreload, (tag) => `${tag}<link rel="modulepreload" href="./${scriptName}" crossorigin integrity="${sri(script)}">`);
  // One import statement per split file's loader.
  glueSource = glueSource.replaceAll(splitImport, `from "./${scriptName}"`);
  writeFileSync(gluePath, glueSource);
  // A release build's glue is minified below, and its integrity set then.
  if (!release) setIntegrity(glueName, glueSource, 'href');
}

// wasm-bindgen names each function the WebAssembly imports from its glue
// after the function and a hash (`__wbg_classList_97e966c261669b85`),
// once in the wasm and once in the glue: 183 names, 6 KB, and the hashes
// do not compress. Both are given short names instead (`_0`, `_1`, ...,
// in the wasm's order, so every build gives the same), which the gzipped
// bundle is 5 KB lighter for (issue 7). A name the glue does not hold
// stops the build; a wrong one would stop every end-to-end test.
if (release) {
  const { wasm, renamed } = renameImports(readFileSync(wasmPath));
  let glue = glueSource;
  for (const [from, to] of renamed) {
    const key = new RegExp(`\\b${from}\\b`, 'g');
    if (!key.test(glue)) throw new Error(`postbuild: the import ${from} is not in ${gluePath}`);
    glue = glue.replace(key, to);
  }
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
}

// Trunk minifies our CSS and HTML but not wasm-bindgen's JS glue, and
// its JS minifier names a script's constants in a different order on each
// build: the same source then gave another file, another service worker
// version, and every returning visitor downloaded the whole app again.
// terser does both, the same way every time, in release builds; the
// integrity in index.html follows.
if (release) {
  const scripts = [
    { pattern: GLUE, module: true, attribute: 'href' }, // the glue's preload
    { pattern: /^shell-[0-9a-f]+\.js$/, module: false, attribute: 'src' }, // assets/shell.js
  ];
  for (const { pattern, module, attribute } of scripts) {
    const name = oneFile(pattern);
    const path = join(dir, name);
    const { code } = await minify(readFileSync(path, 'utf8'), { module, ecma: 2020 });
    writeFileSync(path, code);
    setIntegrity(name, code, attribute);
  }
}

// `type=module` when Trunk minifies the page, `type="module"` otherwise.
const inline = index.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (!inline) throw new Error(`postbuild: no inline loader in ${indexPath}`);
// The WebAssembly is fetched once index.html's static first screen has
// been shown (the promise assets/shell.js makes), not preloaded beside the
// styles: the first screen is drawn as soon as the styles arrive, without
// 300 KB competing with them (issue 7, first and largest paint).
const wasmPreload = /<link\b[^>]*_bg\.wasm[^>]*>/;
if (!wasmPreload.test(index)) throw new Error(`postbuild: no WebAssembly preload in ${indexPath}`);
index = index.replace(wasmPreload, '');
// A failed start shows the first screen's message (assets/shell.js).
const init = /\nconst wasm = await init\(\{ module_or_path: ('[^']+') \}\);/;
if (!init.test(inline[1])) throw new Error(`postbuild: no init call in the loader of ${indexPath}`);
// The compiler decodes the WebAssembly as its bytes arrive, on the page's
// thread: handed 700 KB at once (a cache, a fast server) it blocked the
// page for one long task. Handed 64 KB per task, the page answers input in
// between (issue 7, total blocking time).
const start = `
await window.certlinkShellShown;
const sliced = (response) => {
  if (!response.ok || !response.body) return response;
  const reader = response.body.getReader();
  const SLICE = 64 * 1024;
  const body = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      for (let at = 0; at < value.length; at += SLICE) {
        controller.enqueue(value.subarray(at, at + SLICE));
        await new Promise((next) => setTimeout(next));
      }
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/wasm' } });
};
const wasm = await init({ module_or_path: fetch($1).then(sliced) }).catch((error) => {
  window.certlinkFailed?.();
  throw error;
});`;
const loader = `${inline[1].trim().replace(init, start)}

// Offline after one visit (see sw.js); a blocked or missing service worker
// only means no offline copy.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
`;
const startName = `start-${short(loader)}.js`;
writeFileSync(join(dir, startName), loader);
index = index.replace(inline[0], `<script type="module" src="./${startName}" integrity="${sri(loader)}"></script>`);

// One stylesheet instead of style/'s six: each was a request the first
// paint waited for (Lighthouse, simulated mobile network: first paint
// 1.2 s). Concatenated in the page's order, so the cascade is the same.
const sheets = [...index.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((link) => {
  const href = link[0].match(/\bhref="?\.\/([^"\s>]+\.css)"?/);
  if (!href) throw new Error(`postbuild: a stylesheet without a local href in ${indexPath}: ${link[0]}`);
  return { tag: link[0], name: href[1] };
});
if (sheets.length === 0) throw new Error(`postbuild: no stylesheet in ${indexPath}`);
const css = `${sheets.map(({ name }) => readFileSync(join(dir, name), 'utf8').trim()).join('\n')}\n`;
const cssName = `style-${short(css)}.css`;
writeFileSync(join(dir, cssName), css);
for (const { name } of sheets) unlinkSync(join(dir, name));
index = index.replace(sheets[0].tag, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(css)}">`);
for (const { tag } of sheets.slice(1)) index = index.replace(tag, '');

const manifest = JSON.stringify(
  {
    name: 'Certlink',
    short_name: 'Certlink',
    description: 'Rehearse the Partner Center flow of linking or unlinking an MCID.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f5f5f5',
    theme_color: '#0f6cbd',
    icons: readdirSync(dir)
      .filter((f) => f.endsWith('.svg'))
      .map((src) => ({ src: `./${src}`, sizes: 'any', type: 'image/svg+xml' })),
  },
  null,
  2,
);
writeFileSync(join(dir, 'manifest.webmanifest'), manifest + '\n');
index = index.replace('</head>', '<link rel="manifest" href="./manifest.webmanifest"></head>');
writeFileSync(indexPath, index);

const files = readdirSync(dir).filter((f) => f !== 'sw.js').sort();
const version = short(files.map((f) => f + readFileSync(join(dir, f)).length + short(readFileSync(join(dir, f)))).join());
const worker = `// Generated by scripts/postbuild.mjs for one build: do not edit.
const CACHE = 'certlink-${version}';
const FILES = ${JSON.stringify(['./', ...files.map((f) => `./${f}`)])};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('certlink-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// This build's files from this build's cache, whatever the query string
// (?lang=, ?storage=, ?embed=); anything else from the network.
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(event.request, { ignoreSearch: true }))
      .then((hit) => hit ?? fetch(event.request)),
  );
});
`;
writeFileSync(join(dir, 'sw.js'), worker);
console.log(`postbuild: ${startName}, sw.js (certlink-${version}, ${files.length + 1} files), manifest.webmanifest`);

/** The WebAssembly `bytes` with its functions imported from the glue
 *  renamed `_0`, `_1`, ... in their order, and the names given. */
function renameImports(bytes) {
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return { value, at };
  };
  const encode = (value) => {
    const out = [];
    do {
      let byte = value % 128;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      out.push(byte);
    } while (value > 0);
    return Buffer.from(out);
  };
  const text = new TextDecoder();
  const renamed = new Map();
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const size = leb(at + 1);
    const end = size.at + size.value;
    if (id !== 2) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: module, name, then the kind and its type.
    const count = leb(size.at);
    const body = [encode(count.value)];
    let p = count.at;
    for (let i = 0; i < count.value; i++) {
      const moduleLength = leb(p);
      const module = bytes.subarray(moduleLength.at, moduleLength.at + moduleLength.value);
      const nameLength = leb(moduleLength.at + moduleLength.value);
      const name = text.decode(bytes.subarray(nameLength.at, nameLength.at + nameLength.value));
      let q = nameLength.at + nameLength.value;
      const kind = bytes[q++];
      if (kind === 0) {
        q = leb(q).at; // a function: its type's index
      } else if (kind === 1) {
        // A table: its element type, then its limits (a maximum if flagged).
        const flags = leb(q + 1);
        q = leb(flags.at).at;
        if (flags.value & 1) q = leb(q).at;
      } else {
        throw new Error(`postbuild: an import of kind ${kind} (${name}) is not expected`);
      }
      const glueFunction = kind === 0 && /^__wbg|^__wbindgen/.test(name);
      const to = glueFunction ? `_${renamed.size.toString(36)}` : name;
      if (glueFunction) renamed.set(name, to);
      const toBytes = Buffer.from(to, 'utf8');
      body.push(encode(module.length), module, encode(toBytes.length), toBytes, bytes.subarray(nameLength.at + nameLength.value, q));
      p = q;
    }
    if (p !== end) throw new Error('postbuild: the import section was not read to its end');
    const section = Buffer.concat(body);
    parts.push(Buffer.from([2]), encode(section.length), section);
    at = end;
  }
  return { wasm: Buffer.concat(parts), renamed };
}
