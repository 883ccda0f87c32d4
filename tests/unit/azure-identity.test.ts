import { identityKind, serverCredential } from '../../src/config/azure-identity.ts';

const app = { tenantId: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', clientId: '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a' };

describe('which identity the server signs in with', () => {
  test('the host’s managed identity first, then a certificate, then a secret', () => {
    const appService = { IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token', IDENTITY_HEADER: 'x' };
    const both = { ...app, certificatePath: '/etc/smph/app.pem', clientSecret: 's' };
    expect(identityKind(both, appService)).toBe('managed-identity');
    expect(identityKind(both, { AZURE_MANAGED_IDENTITY: 'true' })).toBe('managed-identity');
    expect(identityKind(both, {})).toBe('certificate');
    expect(identityKind({ ...app, clientSecret: 's' }, {})).toBe('secret');
    expect(identityKind({}, {})).toBeUndefined();
  });

  test('a school can choose, for example a certificate on App Service for the activity feed', () => {
    const appService = { IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token' };
    expect(identityKind({ ...app, certificatePath: '/etc/smph/app.pem', use: 'certificate' }, appService)).toBe(
      'certificate',
    );
  });

  test('a chosen kind without what it needs is refused in words', () => {
    expect(() => serverCredential({ use: 'certificate' }, {})).toThrow(/needs TENANT_ID and GRAPH_CLIENT_ID/);
    expect(() => serverCredential({ ...app, use: 'secret' }, {})).toThrow(/needs SECRET_GRAPH_CLIENT_SECRET/);
  });
});
