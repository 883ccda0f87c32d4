import { existsSync } from 'node:fs';
import type { Server } from 'restify';
import type { Services } from '../../services.ts';
import { tabIndexPath } from './tab.ts';

export function registerHealthRoutes(server: Server, services: Services): void {
  // Liveness: the process is up and answering. Nothing else is checked, so orchestrators
  // do not restart a healthy server because a dependency blinked.
  server.get('/healthz', (_req, res, next) => {
    res.header('Cache-Control', 'no-store');
    res.send(200, { status: 'ok' });
    next();
  });

  // Readiness: the store answers and the tab has been built.
  server.get('/readyz', (_req, res, next) => {
    const checks: Record<string, 'ok' | string> = {};
    services.store
      .ping()
      .then(
        () => (checks.store = 'ok'),
        (err: unknown) => (checks.store = `unavailable: ${(err as Error).message}`),
      )
      .then(() => {
        checks.tab = existsSync(tabIndexPath(services.config.rootDir)) ? 'ok' : 'not built (run npm run build:tab)';
        const ready = Object.values(checks).every((v) => v === 'ok');
        res.header('Cache-Control', 'no-store');
        res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', checks });
        next();
      });
  });
}
