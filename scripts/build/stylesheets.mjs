// Serves style/'s sheets as two files: style-<hash>.css, which the first
// paint waits for, and style-later-<hash>.css, the sheets only the `later`
// WebAssembly file's pages use (the reports, the trainer panel and its
// tours, practice mode), which comes with that file (split-files.mjs has its loader wait
// for it), so the first load does not carry it. Each is one request, and
// one gzip stream compresses better than several. The sheets keep the
// page's order, the later ones last, so the cascade is the same: the later
// file's link is added at the end of the head. index.html links the first
// file in place of the first sheet and drops the others' links.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndex, short, sri, writeIndex } from './staging.mjs';

/** The sheets (style/<name>.css) drawn only by the `later` file's parts. */
const LATER = /^(report|trainer|practice)-[0-9a-f]+\.css$/;

export function joinStylesheets(staging) {
  const { dir } = staging;
  let index = readIndex(staging);
  const sheets = [...index.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((link) => {
    const href = link[0].match(/\bhref="?\.\/([^"\s>]+\.css)"?/);
    if (!href) throw new Error(`post-build: a stylesheet without a local href in ${staging.indexPath}: ${link[0]}`);
    return { tag: link[0], name: href[1] };
  });
  const first = sheets.filter(({ name }) => !LATER.test(name));
  const later = sheets.filter(({ name }) => LATER.test(name));
  if (first.length === 0) throw new Error(`post-build: no stylesheet in ${staging.indexPath}`);
  if (later.length > 0 && sheets.indexOf(later[0]) < first.length) {
    throw new Error('post-build: the later sheets must come last in index.html, or the cascade would change');
  }
  const join_ = (group) => `${group.map(({ name }) => readFileSync(join(dir, name), 'utf8').trim()).join('\n')}\n`;
  const css = join_(first);
  const cssName = `style-${short(css)}.css`;
  writeFileSync(join(dir, cssName), css);
  let laterNote = '';
  if (later.length > 0) {
    const laterCss = join_(later);
    const laterName = `style-later-${short(laterCss)}.css`;
    writeFileSync(join(dir, laterName), laterCss);
    staging.laterStyle = { name: laterName, integrity: sri(laterCss) };
    laterNote = `, ${laterName} (${later.length} sheets)`;
  }
  for (const { name } of sheets) unlinkSync(join(dir, name));
  index = index.replace(first[0].tag, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(css)}">`);
  for (const { tag } of sheets) index = index.replace(tag, '');
  writeIndex(staging, index);
  return `${cssName} (${first.length} sheets)${laterNote}`;
}
