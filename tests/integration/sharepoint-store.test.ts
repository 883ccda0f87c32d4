import { jest } from '@jest/globals';
import { provisionSite } from '../../src/store/sharepoint/provision.ts';
import { createStore } from '../../src/store/store.ts';
import { describeStoreContract } from '../contract/store.contract.ts';
import { startGraphServer, type GraphServer } from '../helpers/graph-server.ts';
import { graphClientFor, sharePointAdapterFor } from '../helpers/sharepoint.ts';

jest.setTimeout(60_000);
let graph: GraphServer;
beforeAll(async () => {
  graph = await startGraphServer();
});
afterAll(() => graph.close());

/** Each test gets an empty, freshly provisioned site. */
async function freshStore() {
  graph.reset();
  await provisionSite(graphClientFor(graph), graph.siteId);
  return createStore(sharePointAdapterFor(graph));
}

describeStoreContract('SharePoint through Graph', { open: freshStore });
