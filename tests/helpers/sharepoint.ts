import { sharePointGraphClient, type RetryPolicy } from '../../src/store/sharepoint/graph-client.ts';
import { openSharePointAdapter } from '../../src/store/sharepoint/sharepoint-store.ts';
import { sharePointStore } from '../../src/store/open-store.ts';
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
