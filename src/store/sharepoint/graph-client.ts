import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type Context,
  type FetchOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

export type TokenSource = () => Promise<string>;

export interface RetryPolicy {
  /** Attempts after the first; bounded so a long outage surfaces instead of hanging a request. */
  maxRetries: number;
  /** Back-off when Graph gives no Retry-After: base × 2^attempt, with full jitter. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever Retry-After says. */
  maxDelayMs: number;
  /** An attempt with no answer by then is abandoned, and treated like a dropped connection. */
  attemptTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  attemptTimeoutMs: 30_000,
};

/** Methods that are safe to send twice when the connection dropped before the answer came back. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRIED_STATUSES = new Set([429, 503, 504]);

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Retries throttling (429) and unavailability (503, 504), honouring Retry-After, with bounded
 * attempts and jittered back-off; retries a dropped connection only for idempotent methods, since
 * a POST may have been applied before the connection went.
 */
export class GraphRetry implements Middleware {
  private next?: Middleware;
  private readonly policy: RetryPolicy;
  constructor(policy: RetryPolicy = DEFAULT_RETRY) {
    this.policy = policy;
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const sleep = this.policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      const backoff = () => Math.min(this.policy.maxDelayMs, Math.random() * this.policy.baseDelayMs * 2 ** attempt);
      try {
        // A fresh time limit for each attempt, so one hung answer cannot hold the action for ever.
        if (this.policy.attemptTimeoutMs) {
          context.options = { ...context.options, signal: AbortSignal.timeout(this.policy.attemptTimeoutMs) };
        }
        await this.next!.execute(context);
      } catch (err) {
        if (!IDEMPOTENT.has(method) || attempt >= this.policy.maxRetries) throw err;
        await sleep(backoff());
        continue;
      }
      const response = context.response;
      if (!response || !RETRIED_STATUSES.has(response.status) || attempt >= this.policy.maxRetries) return;
      const wait = retryAfterMs(response);
      // Jitter on top of Retry-After spreads the retries of many instances told the same time.
      await sleep(Math.min(this.policy.maxDelayMs, (wait ?? backoff()) + Math.random() * 250));
    }
  }
}

export interface GraphClientOptions {
  baseUrl?: string;
  customHosts?: Set<string>;
  fetchOptions?: FetchOptions;
  retry?: RetryPolicy;
}

/** The Graph client the SharePoint store uses: authentication, our retry rules, then the request. */
/** Options for a Graph endpoint other than Microsoft's (a stand-in, a national cloud), as GRAPH_BASE_URL gives it. */
export const graphAt = (baseUrl: string | undefined): GraphClientOptions =>
  baseUrl ? { baseUrl: `${baseUrl.replace(/\/$/, '')}/`, customHosts: new Set([new URL(baseUrl).hostname]) } : {};

export function sharePointGraphClient(token: TokenSource, options: GraphClientOptions = {}): Client {
  return Client.initWithMiddleware({
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.customHosts ? { customHosts: options.customHosts } : {}),
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
    middleware: [
      new AuthenticationHandler({ getAccessToken: token }),
      new GraphRetry(options.retry),
      new HTTPMessageHandler(),
    ],
  });
}
