import restify, { type Server } from 'restify';
import type { Services } from '../services.ts';
import { sendError } from './endpoint.ts';
import { ApiError } from './errors.ts';
import { DomainError, RuleBroken } from '../errors.ts';
import { registerApiRoutes } from './routes/api.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerTabRoutes } from './routes/tab.ts';
import { securityHeaders } from './security-headers.ts';
import { MAX_BODY_DEPTH, nestingDepth } from './body-depth.ts';

/**
 * What answers Bot Framework activities posted to /api/messages (bot/botbuilder-adapter.ts): it
 * checks its own envelope, and a refusal it throws is answered like any other.
 */
type ActivityHandler = (req: restify.Request, res: restify.Response) => Promise<void>;

export interface HttpServer {
  server: Server;
  /** Resolves with the bound port (useful when port 0 was asked for). */
  listen(): Promise<number>;
  /** Stops accepting connections and waits for in-flight requests to finish. */
  close(): Promise<void>;
}

export function createHttpServer(services: Services, bot: ActivityHandler): HttpServer {
  const { config, log } = services;
  const server = restify.createServer({
    name: 'social-media-policy-hub',
    // restify would otherwise make its own logger, which writes requests (headers, message text)
    // unredacted; everything it logs goes through ours.
    // restify 12 logs with pino, as we do; its typings still describe bunyan's.
    log: log.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
    ignoreTrailingSlash: false,
  });

  const headers = securityHeaders(config.publicUrl?.startsWith('https:') ?? false);
  if (services.tracing) {
    const { tracing } = services;
    // The path only, never the query string (a search may hold a name); named by route once matched.
    server.pre((req, res, next) => {
      const end = tracing.started(req.method ?? 'GET', req.path());
      res.once('finish', () => end(req.getRoute()?.path?.toString(), res.statusCode));
      next();
    });
  }
  server.pre((_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.header(name, value);
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // The typings omit maxBodySize here, but the JSON parser's body reader honours it (413 beyond).
  server.use(
    restify.plugins.jsonBodyParser({
      mapParams: false,
      maxBodySize: config.maxBodyBytes,
    } as restify.plugins.JsonBodyParserOptions),
  );
  server.use((req, res, next) => {
    if (req.body !== undefined && nestingDepth(req.body) > MAX_BODY_DEPTH) {
      sendError(
        res,
        services,
        new RuleBroken('too_deeply_nested', `The request body nests more than ${MAX_BODY_DEPTH} levels deep`),
      );
      return next(false);
    }
    next();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    log.info(
      { method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() },
      'request',
    );
  });
  // Errors raised by restify itself (unknown route, oversized or malformed body) get our shape too.
  server.on(
    'restifyError',
    (
      _req: restify.Request,
      _res: restify.Response,
      err: Error & { statusCode?: number; body?: { code?: string } },
      cb: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : (err.body?.code ?? 'error');
      const message =
        status === 413
          ? `The request body is larger than the ${config.maxBodyBytes} bytes allowed`
          : status === 404
            ? 'There is nothing at this address'
            : status >= 500
              ? 'Something went wrong on the server; it has been logged'
              : err.message;
      if (status >= 500) log.error({ err }, 'unhandled error');
      Object.assign(err, { toJSON: () => ({ error: { code, message } }) });
      cb();
    },
  );

  registerHealthRoutes(server, services);
  registerApiRoutes(server, services);
  registerTabRoutes(server, config.rootDir);
  server.post('/api/messages', (req, res, next) => {
    bot(req, res).then(
      () => next(),
      (err: unknown) => {
        const refused = err instanceof DomainError;
        if (!refused) log.error({ err }, 'bot turn failed');
        if (!res.headersSent) {
          sendError(
            res,
            services,
            refused ? err : new ApiError(500, 'bot_error', 'The bot could not process this activity'),
          );
        }
        next(false);
      },
    );
  });

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would otherwise hold shutdown open.
        server.server.closeIdleConnections?.();
      }),
  };
}
