/**
 * A minimal static file server on 127.0.0.1, as a static host serves the build: directory
 * indexes, 404.html with status 404 for unknown paths, text compressed with gzip (level 6) for a
 * client that accepts it (every static host compresses; Lighthouse and the benchmarks measure
 * what a visitor downloads). The e2e suites serve dist/ with it
 * (several builds can be served at once; `astro preview` allows one per project).
 *
 * CLI: `node tests/support/static-server.ts <dir> <port>`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types sent compressed: text (images and WebAssembly are compressed already or rarely fetched). */
const COMPRESS = new Set(['.html', '.css', '.js', '.json', '.csv', '.svg', '.xml', '.ics', '.txt']);

/** Sends `file` with `status`: gzipped (each version of a file compressed once per server) when the client accepts it. */
const send = (req: IncomingMessage, res: ServerResponse, file: string, status: number, cache: Map<string, Buffer>) => {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (!COMPRESS.has(extname(file)) || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    res.writeHead(status, { 'content-type': type });
    createReadStream(file).pipe(res);
    return;
  }
  // Keyed by modification time too: a rebuilt dist/ is served anew.
  const key = `${file}@${statSync(file).mtimeMs}`;
  let body = cache.get(key);
  if (!body) cache.set(key, (body = gzipSync(readFileSync(file), { level: 6 })));
  res.writeHead(status, {
    'content-type': type,
    'content-encoding': 'gzip',
    'content-length': body.length,
    vary: 'accept-encoding',
  });
  res.end(body);
};

export const serve = (root: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> =>
  new Promise((resolveServer) => {
    const base = resolve(root);
    const gzipped = new Map<string, Buffer>();
    const server: Server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      let file = join(base, path);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file.startsWith(base) || !existsSync(file)) {
        const notFound = join(base, '404.html');
        if (existsSync(notFound)) send(req, res, notFound, 404, gzipped);
        else {
          res.writeHead(404, { 'content-type': TYPES['.html']! });
          res.end('not found');
        }
        return;
      }
      send(req, res, file, 200, gzipped);
    });
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const bound = typeof addr === 'object' && addr ? addr.port : port;
      resolveServer({ url: `http://127.0.0.1:${bound}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });

if (import.meta.main) {
  const [dir, port] = process.argv.slice(2);
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    console.error(`No build at ${dir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const { url } = await serve(dir, Number(port ?? 4321));
  console.log(`Serving ${dir} at ${url}/`);
}
