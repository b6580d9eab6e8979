// Writes manifest.webmanifest, which makes Certlink installable as an app,
// with every SVG of the build as its icon, and links it from index.html.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndex, writeIndex } from './staging.mjs';

export function writeManifest(staging) {
  const { dir } = staging;
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
  writeIndex(staging, readIndex(staging).replace('</head>', '<link rel="manifest" href="./manifest.webmanifest"></head>'));
  return 'manifest.webmanifest';
}
