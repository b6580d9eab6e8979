// A plain static server for dist/, as an intranet's web server would be:
// no rewrites, correct MIME types, bound to loopback. `--base` serves the
// site under a sub-path (e.g. /intranet/tools/certlink/) to prove it works
// there. `--headers last-modified` sends what many servers send by default
// (Last-Modified, no Cache-Control), which lets a browser keep its own copy
// of a file for a while, as the offline tests need.
// `--folders no` answers a folder's address with 404, as a bucket's file
// host does.
// Usage: node scripts/serve.mjs [--root dist] [--port 8080] [--base /] [--headers no-cache|last-modified] [--folders yes|no]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.root ?? 'dist');
const port = Number(args.port ?? process.env.PORT ?? 8080);
const base = `/${(args.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    // A malformed address (`/%`) is the asker's error, not the server's end.
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad address');
    return;
  }
  if (!path.startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) {
      if (args.folders === 'no') throw new Error('no folders');
      file = join(file, 'index.html');
    }
    const body = await readFile(file);
    const caching =
      args.headers === 'last-modified' ? { 'last-modified': (await stat(file)).mtime.toUTCString() } : { 'cache-control': 'no-cache' };
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...caching, vary: 'accept-encoding' };
    // Compressed as any intranet server would send it (the bundle budget
    // is counted gzipped for that reason).
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && extname(file) !== '.png') {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(gzipSync(body));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Certlink is served at http://127.0.0.1:${port}${base}  (Ctrl+C to stop)`);
});
