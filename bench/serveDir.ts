/** A static file server for a built app directory on loopback (port 0), for the bench's one-off scripts. */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm' };

export function serveDir(dir: string): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (!existsSync(path) || path.endsWith('/')) path = join(dir, 'index.html');
    res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() })));
}
