// Serves style/'s sheets as one file, style-<hash>.css: each sheet is a
// request the first paint waits for, and one gzip stream compresses
// better than several. The sheets are joined in the page's order, so the
// cascade is the same; index.html links the one file in place of the first
// and drops the others' links.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndex, short, sri, writeIndex } from './staging.mjs';

export function joinStylesheets(staging) {
  const { dir } = staging;
  let index = readIndex(staging);
  const sheets = [...index.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((link) => {
    const href = link[0].match(/\bhref="?\.\/([^"\s>]+\.css)"?/);
    if (!href) throw new Error(`post-build: a stylesheet without a local href in ${staging.indexPath}: ${link[0]}`);
    return { tag: link[0], name: href[1] };
  });
  if (sheets.length === 0) throw new Error(`post-build: no stylesheet in ${staging.indexPath}`);
  const css = `${sheets.map(({ name }) => readFileSync(join(dir, name), 'utf8').trim()).join('\n')}\n`;
  const cssName = `style-${short(css)}.css`;
  writeFileSync(join(dir, cssName), css);
  for (const { name } of sheets) unlinkSync(join(dir, name));
  index = index.replace(sheets[0].tag, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(css)}">`);
  for (const { tag } of sheets.slice(1)) index = index.replace(tag, '');
  writeIndex(staging, index);
  return `${cssName} (${sheets.length} sheets)`;
}
