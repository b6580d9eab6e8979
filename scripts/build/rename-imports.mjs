// Gives the functions the WebAssembly imports from its JS glue short names.
// wasm-bindgen names each after the function and a hash
// (`__wbg_classList_97e966c261669b85`), written once in the wasm's import
// section and once in the glue, and the hashes do not compress. This stage
// renames them `_0`, `_1`, ... in the wasm's order (so every build of the
// same source gives the same names) in both files. A name the glue does
// not hold stops the build; a wrong one would stop every end-to-end test.
// It is there for the first load's size: hashed names do not compress, and
// without this stage the first load does not fit its 150 KB budget
// (scripts/budget.mjs; docs/performance.md has the figures). What it costs is this file: it reads and writes
// only the import section, a stable part of the WebAssembly format, and
// relies on wasm-bindgen's `__wbg`/`__wbindgen` prefixes and on the glue
// naming each import as a whole word. A wasm-bindgen upgrade that changes
// its naming stops the build here, fails the end-to-end tests, or leaves
// the long names in, which scripts/budget.mjs then shows.
import { readFileSync, writeFileSync } from 'node:fs';
import { glue } from './staging.mjs';

export function renameImports(staging) {
  const { path: gluePath, wasmPath } = glue(staging);
  const { wasm, renamed } = renamedImports(readFileSync(wasmPath));
  let code = readFileSync(gluePath, 'utf8');
  for (const [from, to] of renamed) {
    const key = new RegExp(`\\b${from}\\b`, 'g');
    if (!key.test(code)) throw new Error(`post-build: the import ${from} is not in ${gluePath}`);
    code = code.replace(key, to);
  }
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, code);
  return `${renamed.size} imports`;
}

/** The WebAssembly `bytes` with its functions imported from the glue
 *  renamed `_0`, `_1`, ... in their order, and the names given. */
function renamedImports(bytes) {
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
        throw new Error(`post-build: an import of kind ${kind} (${name}) is not expected`);
      }
      const glueFunction = kind === 0 && /^__wbg|^__wbindgen/.test(name);
      const to = glueFunction ? `_${renamed.size.toString(36)}` : name;
      if (glueFunction) renamed.set(name, to);
      const toBytes = Buffer.from(to, 'utf8');
      body.push(encode(module.length), module, encode(toBytes.length), toBytes, bytes.subarray(nameLength.at + nameLength.value, q));
      p = q;
    }
    if (p !== end) throw new Error('post-build: the import section was not read to its end');
    const section = Buffer.concat(body);
    parts.push(Buffer.from([2]), encode(section.length), section);
    at = end;
  }
  return { wasm: Buffer.concat(parts), renamed };
}
