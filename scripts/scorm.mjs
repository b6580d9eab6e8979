// `make scorm`: dist/ as a SCORM 1.2 package, for a learning platform.
// Writes imsmanifest.xml (one SCO, launching the practice page, with the
// mastery score practice mode passes a case at; every file of the build
// listed as its resource) and zips it with the build, under target/.
// The SCO's href is a file of the package, launch.html, which opens the
// practice page: a platform that checks or rewrites the href as a path
// would not find `index.html#/practice` (its fragment is no file).
//
//   node scripts/scorm.mjs [dist] [target/certlink-scorm.zip]
//
// The zip is written here, with node's zlib and no dependency: a local
// header, the deflated bytes, then the central directory. `unzip` (used by
// the tests) and every learning platform read it. `readZip` reads it back.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The score a case is passed at (src/practice.rs `MASTERY`). */
export const MASTERY = 80;
/** What a learning platform's catalogue shows, in both of Certlink's
 *  languages (the course itself follows the learner's browser, or its
 *  language switch). */
export const TITLES = {
  course: 'Certlink: link or unlink an MCID, practice / Certlink\u00a0: lier ou dissocier un MCID, entraînement',
  practice:
    'Practice: the nine cases of linking and unlinking an MCID / Entraînement\u00a0: les neuf cas de liaison et de dissociation d’un MCID',
};

/** The file the SCO launches, and the page it opens: practice mode. */
export const LAUNCH = 'launch.html';
export const PRACTICE_PAGE = 'index.html#/practice';

/** launch.html: opens the practice page at once, without a script (the
 *  package's pages run under a strict CSP), and offers a link in both
 *  languages should the browser not follow the refresh. */
export const launchPage = () => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta http-equiv="refresh" content="0; url=${PRACTICE_PAGE}">
<title>Certlink: practice</title>
<p><a href="${PRACTICE_PAGE}">Open the practice</a></p>
<p lang="fr"><a href="${PRACTICE_PAGE}">Ouvrir l’entraînement</a></p>
</html>
`;

function filesOf(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesOf(path) : [path];
    })
    .sort();
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The manifest for `files` (paths inside the package, `/`-separated). */
export function manifest(files) {
  const listed = files.map((file) => `        <file href="${escape(file)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="certlink-practice" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="certlink">
    <organization identifier="certlink">
      <title>${escape(TITLES.course)}</title>
      <item identifier="practice" identifierref="practice-sco" isvisible="true">
        <title>${escape(TITLES.practice)}</title>
        <adlcp:masteryscore>${MASTERY}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="practice-sco" type="webcontent" adlcp:scormtype="sco" href="${escape(LAUNCH)}">
${listed}
    </resource>
  </resources>
</manifest>
`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of `entries` ({ name, data }), deflated, with a fixed date so the
 *  same build gives the same package. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1; // 2026-01-01
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip this module wrote (or any deflated or stored zip
 *  without a comment), each checked against its CRC. */
export function readZip(buffer) {
  const end = buffer.length - 22;
  if (buffer.readUInt32LE(end) !== 0x06054b50) throw new Error('not a zip (no end record)');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip entry ${i}: bad central header`);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (crc32(data) !== crc) throw new Error(`zip entry ${name}: CRC mismatch`);
    entries.push({ name, data });
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** Packs `dist` with its manifest into `out`; returns the files listed. */
export function pack(dist, out) {
  const files = filesOf(dist)
    .map((path) => relative(dist, path).split(sep).join('/'))
    .filter((file) => file !== 'imsmanifest.xml');
  if (!files.includes('index.html')) throw new Error(`scorm: ${dist} has no index.html; build first (make build)`);
  if (files.includes(LAUNCH)) throw new Error(`scorm: ${dist} already has a ${LAUNCH}`);
  files.push(LAUNCH);
  files.sort();
  const launch = Buffer.from(launchPage(), 'utf8');
  const entries = [
    { name: 'imsmanifest.xml', data: Buffer.from(manifest(files), 'utf8') },
    ...files.map((file) => ({ name: file, data: file === LAUNCH ? launch : readFileSync(join(dist, file)) })),
  ];
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip(entries));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', out = 'target/certlink-scorm.zip'] = process.argv.slice(2);
  const files = pack(dist, out);
  const size = statSync(out).size;
  console.log(`scorm: ${out}: ${files.length} files and imsmanifest.xml, ${(size / 1024).toFixed(1)} KB`);
}
