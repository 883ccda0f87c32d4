import { sharePointGraphClient, type RetryPolicy } from '../../src/store/sharepoint/graph-client.ts';
import { openSharePointAdapter } from '../../src/store/sharepoint/sharepoint-store.ts';
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

export function sharePointAdapterFor(graph: GraphServer, retry?: Partial<RetryPolicy>) {
  return openSharePointAdapter({
    client: graphClientFor(graph, retry),
    siteId: graph.siteId,
    uploadFetch: (url, init) => fetch(url, { ...init, dispatcher: graph.agent } as RequestInit),
  });
}
