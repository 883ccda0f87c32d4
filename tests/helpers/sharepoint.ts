import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { GraphRetry, sharePointGraphClient, type RetryPolicy } from '../../src/store/sharepoint/graph-client.ts';
import { openSharePointAdapter } from '../../src/store/sharepoint/sharepoint-store.ts';
import { sharePointStore } from '../../src/store/open-store.ts';
import { createStore, type StoreAdapter } from '../../src/store/store.ts';
import type { GraphServer } from './graph-server.ts';

/** A Graph client for the local stand-in: its certificate trusted for this client only, and quick retries. */
export function graphClientFor(graph: GraphServer, retry?: Partial<RetryPolicy>) {
  return sharePointGraphClient(async () => 'graph-token', {
    baseUrl: `${graph.url}/`,
    customHosts: new Set(['127.0.0.1']),
    fetchOptions: { dispatcher: graph.agent } as never,
    retry: { maxRetries: 4, baseDelayMs: 50, maxDelayMs: 5000, ...retry },
  });
}

const adapterOptions = (graph: GraphServer, retry?: Partial<RetryPolicy>) => ({
  client: graphClientFor(graph, retry),
  siteId: graph.siteId,
  uploadFetch: ((url, init) => fetch(url, { ...init, dispatcher: graph.agent } as RequestInit)) as typeof fetch,
});

/** The bare adapter, for the contract suite and the adapter's own tests. */
export function sharePointAdapterFor(graph: GraphServer, retry?: Partial<RetryPolicy>) {
  return openSharePointAdapter(adapterOptions(graph, retry));
}

/** The store exactly as the server opens it with STORE=sharepoint (read cache included), on the local Graph. */
export function serverSharePointStore(graph: GraphServer) {
  return sharePointStore(adapterOptions(graph));
}

/**
 * The store as one server instance opens it, on a Graph client that can be killed: once its
 * request budget is spent, nothing more it sends reaches Graph and nothing it awaits returns, as
 * after `kill -9`. `bury` ends the hung requests so the dead instance can be stopped.
 */
export function mortalSharePointStore(graph: GraphServer) {
  let budget = Number.POSITIVE_INFINITY;
  let sent = 0;
  const hung: (() => void)[] = [];
  const killer: Middleware & { next?: Middleware } = {
    setNext(next) {
      killer.next = next;
    },
    async execute(context: Context) {
      sent++;
      if (budget-- <= 0) {
        await new Promise<void>((_, reject) => hung.push(() => reject(new Error('this instance is dead'))));
      }
      await killer.next!.execute(context);
      if (diesAfter?.(String(context.request))) budget = 0;
    },
  };
  let diesAfter: ((url: string) => boolean) | undefined;
  const client = Client.initWithMiddleware({
    baseUrl: `${graph.url}/`,
    customHosts: new Set(['127.0.0.1']),
    fetchOptions: { dispatcher: graph.agent } as never,
    middleware: [
      new AuthenticationHandler({ getAccessToken: async () => 'graph-token' }),
      new GraphRetry({ maxRetries: 4, baseDelayMs: 50, maxDelayMs: 5000 }),
      killer,
      new HTTPMessageHandler(),
    ],
  });
  return {
    store: sharePointStore({ ...adapterOptions(graph), client }),
    /** The instance dies once it has sent `requests` more requests. */
    dieAfter(requests: number) {
      budget = requests;
    },
    /** The instance dies once a request to a matching URL has been answered. */
    dieAfterRequestTo(matches: (url: string) => boolean) {
      diesAfter = matches;
    },
    /** Requests it has tried to send so far. */
    get sent() {
      return sent;
    },
    get dead() {
      return hung.length > 0;
    },
    bury() {
      budget = Number.POSITIVE_INFINITY;
      hung.splice(0).forEach((end) => end());
    },
  };
}

/**
 * Any store as one instance opens it, that can be killed at a moment of the test's choosing: from
 * then on nothing it asks of the store is answered, as after `kill -9`.
 */
export function mortalStore(adapter: StoreAdapter) {
  let dead = false;
  const hung: (() => void)[] = [];
  const guard =
    <A extends unknown[], T>(work: (...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      dead ? new Promise<T>((_, reject) => hung.push(() => reject(new Error('this instance is dead')))) : work(...args);
  const wrapped: StoreAdapter = {
    ...adapter,
    get: guard(adapter.get.bind(adapter)),
    list: guard(adapter.list.bind(adapter)),
    apply: guard(adapter.apply.bind(adapter)),
    putFile: guard(adapter.putFile.bind(adapter)),
    getFile: guard(adapter.getFile.bind(adapter)),
    ping: guard(adapter.ping.bind(adapter)),
    close: async () => undefined,
  };
  return {
    store: createStore(wrapped),
    kill() {
      dead = true;
    },
    bury() {
      hung.splice(0).forEach((end) => end());
    },
  };
}
