import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'restify';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { Services } from '../services.ts';
import type { Download } from '../download.ts';
import { ApiError, toApiError } from './errors.ts';
import { RuleBroken, TooMany } from '../errors.ts';

const gzipAsync = promisify(gzip);
const NO_QUERY = z.object({}).strict();

export function sendError(res: Response, services: Pick<Services, 'log'>, err: unknown): void {
  const apiError = toApiError(err);
  // A fault gets a reference the person can quote, and the log line carries the same one.
  const reference = apiError.status >= 500 ? randomBytes(4).toString('hex').toUpperCase() : undefined;
  if (reference) services.log.error({ err, reference }, 'request failed');
  if (apiError.status === 401) res.header('WWW-Authenticate', 'Bearer error="invalid_token"');
  if (err instanceof TooMany) res.header('Retry-After', String(err.retryAfterSeconds));
  res.header('Cache-Control', 'no-store');
  res.send(apiError.status, {
    error: {
      code: apiError.code,
      message: reference ? `${apiError.message} (reference ${reference})` : apiError.message,
      ...(apiError.details ? { details: apiError.details } : {}),
      ...(reference ? { reference } : {}),
    },
  });
}

interface Spec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
}

export interface PublicInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
}

export interface Input<P, Q, B> extends PublicInput<P, Q, B> {
  principal: Principal;
}

type Handler<I> = (input: I) => Promise<unknown>;

/** A handler returns `download(file)` to send a file instead of JSON. */
class FileResult {
  readonly file: Download;
  constructor(file: Download) {
    this.file = file;
  }
}
export const download = (file: Download) => new FileResult(file);

/** JSON serialised and compressed once; sent compressed to clients that accept gzip (browsers and Teams all do). */
class PreparedJson {
  readonly json: Buffer;
  readonly gzip: Buffer;
  constructor(json: Buffer, gzip: Buffer) {
    this.json = json;
    this.gzip = gzip;
  }
}
const prepared = new WeakMap<object, Promise<PreparedJson>>();

/**
 * For a large answer a service keeps and hands out again (the training dashboard): serialised
 * and compressed the first time it is sent, so sending it again costs a copy, not a rebuild.
 */
export function compressedOnce(value: object): Promise<PreparedJson> {
  let answer = prepared.get(value);
  if (!answer) {
    const json = Buffer.from(JSON.stringify(value));
    answer = gzipAsync(json).then((gzip) => new PreparedJson(json, gzip));
    prepared.set(value, answer);
  }
  return answer;
}

function sendPrepared(req: Request, res: Response, prepared: PreparedJson): void {
  const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
  res.header('Content-Type', 'application/json');
  res.header('Cache-Control', 'no-store');
  res.header('Vary', 'Accept-Encoding');
  if (gzip) res.header('Content-Encoding', 'gzip');
  const body = gzip ? prepared.gzip : prepared.json;
  res.header('Content-Length', body.length);
  res.sendRaw(200, body);
}

function sendFile(res: Response, { file }: FileResult): void {
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.header('Content-Type', file.contentType);
  res.header(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  res.header('Cache-Control', 'no-store, private');
  res.sendRaw(200, Buffer.from(file.bytes));
}

/**
 * What an endpoint declares, kept on its handler so the security suite can walk every route with
 * requests of the declared shape (tests/security/). Not used to serve requests.
 */
export const ROUTE_SPEC = Symbol('route spec');

export interface RouteSpec {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  signedIn: boolean;
}

/** Validates params, query and body against their schemas, runs the handler, sends JSON or a uniform error. */
function handle<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, I>(
  services: Services,
  spec: Spec<P, Q, B>,
  /** Who is calling, found before anything else is read, so a stranger learns nothing of the request's rules. */
  identify: (req: Request) => Promise<Principal | undefined>,
  handler: Handler<I>,
  signedIn: boolean,
): RequestHandler {
  const routeHandler: RequestHandler = (req, res, next) => {
    const run = async () => {
      const principal = await identify(req);
      const hasBody = req.body !== undefined && req.body !== null && req.body !== '';
      if (spec.body && !req.is('application/json')) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json');
      }
      if (!spec.body && hasBody && req.method !== 'GET') {
        throw new RuleBroken('invalid_request', 'This endpoint takes no request body');
      }
      const input = {
        params: spec.params ? spec.params.parse(req.params ?? {}) : req.params,
        // A route that declares no query takes none: an unexpected parameter is a 400, not ignored.
        query: (spec.query ?? NO_QUERY).parse(req.query ?? {}),
        body: spec.body ? spec.body.parse(req.body ?? null) : undefined,
        req,
        res,
      } as PublicInput<z.infer<P>, z.infer<Q>, z.infer<B>>;
      const result = await handler((principal ? { ...input, principal } : input) as I);
      if (result instanceof FileResult) return sendFile(res, result);
      if (result instanceof PreparedJson) return sendPrepared(req, res, result);
      res.header('Cache-Control', 'no-store');
      res.send(200, result);
    };
    run().then(
      () => next(),
      (err: unknown) => {
        sendError(res, services, err);
        next(false);
      },
    );
  };
  const declared: RouteSpec = { ...spec, signedIn };
  return Object.assign(routeHandler, { [ROUTE_SPEC]: declared });
}

/** The one way to write an API endpoint: the caller must be signed in, and is resolved first. */
export function endpoint<
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(
  services: Services,
  spec: Spec<P, Q, B>,
  handler: Handler<Input<z.infer<P>, z.infer<Q>, z.infer<B>>>,
): RequestHandler {
  return handle(
    services,
    spec,
    (req) => services.auth.authenticate(req.header('authorization'), services.store),
    handler,
    true,
  );
}

/** For the few endpoints that must work before sign-in (the dev sign-in itself). */
export function publicEndpoint<
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(
  services: Services,
  spec: Spec<P, Q, B>,
  handler: Handler<PublicInput<z.infer<P>, z.infer<Q>, z.infer<B>>>,
): RequestHandler {
  return handle(services, spec, async () => undefined, handler, false);
}
