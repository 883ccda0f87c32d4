import { join } from 'node:path';
import restify, { type Server } from 'restify';

export const tabDistDir = (rootDir: string) => join(rootDir, 'tab', 'dist');
export const tabIndexPath = (rootDir: string) => join(tabDistDir(rootDir), 'index.html');

/** Serves the built tab. Hashed assets are cached for a year; index.html is always revalidated. */
export function registerTabRoutes(server: Server, rootDir: string): void {
  const serve = restify.plugins.serveStaticFiles(tabDistDir(rootDir), {
    setHeaders(res: { setHeader(name: string, value: string): void }, path: string) {
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  } as never);
  server.get('/tab', (_req, res, next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get('/tab/*', serve);
  server.get('/', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
}
