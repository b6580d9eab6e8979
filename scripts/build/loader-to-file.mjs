// Moves Trunk's loader, an inline <script type="module"> in index.html,
// into a file of its own, start-<hash>.js: index.html's
// Content-Security-Policy allows no inline script. On the way the loader
// - waits for the static first screen to be shown (the promise
//   assets/shell.js makes) before fetching the WebAssembly; this stage
//   removes Trunk's preload of it beside the styles, so the first screen
//   is drawn as soon as the styles arrive, with no large download
//   competing with them;
// - hands the WebAssembly to the compiler 64 KB per task: the compiler
//   decodes it on the page's thread as its bytes arrive, and given the
//   whole file at once (from a cache, a fast server) it would block the
//   page for one long task;
// - shows the first screen's message when the start fails (shell.js);
// - registers the service worker (sw.js) for offline use; a blocked or
//   missing service worker only means no offline copy.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndex, short, sri, writeIndex } from './staging.mjs';

const START = `
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

export function moveLoaderToFile(staging) {
  let index = readIndex(staging);
  // `type=module` when Trunk minifies the page, `type="module"` otherwise.
  const inline = index.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
  if (!inline) throw new Error(`post-build: no inline loader in ${staging.indexPath}`);
  const wasmPreload = /<link\b[^>]*_bg\.wasm[^>]*>/;
  if (!wasmPreload.test(index)) throw new Error(`post-build: no WebAssembly preload in ${staging.indexPath}`);
  index = index.replace(wasmPreload, '');
  const init = /\nconst wasm = await init\(\{ module_or_path: ('[^']+') \}\);/;
  if (!init.test(inline[1])) throw new Error(`post-build: no init call in the loader of ${staging.indexPath}`);
  const loader = `${inline[1].trim().replace(init, START)}

// Offline after one visit (see sw.js); a blocked or missing service worker
// only means no offline copy.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
`;
  const startName = `start-${short(loader)}.js`;
  writeFileSync(join(staging.dir, startName), loader);
  index = index.replace(inline[0], `<script type="module" src="./${startName}" integrity="${sri(loader)}"></script>`);
  writeIndex(staging, index);
  return startName;
}
