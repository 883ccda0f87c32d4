import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import restify, { type Server } from 'restify';

export const tabDistDir = (rootDir: string) => join(rootDir, 'tab', 'dist');
export const tabIndexPath = (rootDir: string) => join(tabDistDir(rootDir), 'index.html');

const YEAR = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const ENCODERS = {
  br: (bytes: Buffer) =>
    promisify(brotliCompress)(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) as Promise<Buffer>,
  gzip: (bytes: Buffer) => promisify(gzip)(bytes, { level: 9 }) as Promise<Buffer>,
};
type Encoding = keyof typeof ENCODERS;

/**
 * Scripts and styles go compressed: phones on mobile data pay for every kilobyte. Built assets are
 * named by their content and never change, so each is compressed once and kept.
 */
function compressedAssets(dir: string) {
  const cache = new Map<string, Promise<Buffer | undefined>>();
  return (name: string, encoding: Encoding) => {
    const key = `${encoding}:${name}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = readFile(join(dir, name)).then(ENCODERS[encoding], () => undefined);
      cache.set(key, entry);
    }
    return entry;
  };
}

/** Serves the built tab. Hashed assets are cached for a year; everything else (index.html) is always revalidated. */
export function registerTabRoutes(server: Server, rootDir: string): void {
  const files = (dir: string, cacheControl: string) =>
    restify.plugins.serveStaticFiles(dir, {
      setHeaders: (res: { setHeader(name: string, value: string): void }) =>
        res.setHeader('Cache-Control', cacheControl),
    } as never);
  const serve = files(tabDistDir(rootDir), 'no-cache');
  const assetsDir = join(tabDistDir(rootDir), 'assets');
  const serveAsset = files(assetsDir, YEAR);
  const compressed = compressedAssets(assetsDir);
  server.get('/tab/assets/*', (req, res, next) => {
    // Only plain built names: anything else (a map, a path with separators) goes to the static server.
    const name = /^\/tab\/assets\/([\w.-]+\.(js|css))$/.exec(req.getPath())?.slice(1);
    const accepted = req.header('accept-encoding') ?? '';
    const encoding = (['br', 'gzip'] as const).find((e) => new RegExp(`\\b${e}\\b`).test(accepted));
    if (!name || !encoding) {
      serveAsset(req, res, next);
      return;
    }
    void compressed(name[0]!, encoding).then((body) => {
      if (!body) {
        serveAsset(req, res, next);
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[name[1]!]!,
        'Content-Encoding': encoding,
        'Content-Length': body.length,
        'Cache-Control': YEAR,
        Vary: 'Accept-Encoding',
      });
      res.end(body);
      next(false);
    });
  });
  server.get('/tab', (_req, res, next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get('/tab/*', serve);
  server.get('/', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
}
