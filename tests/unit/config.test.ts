import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { createLocalCredentialKey } from '../../src/config/local-secrets.ts';

/** A throwaway project root with its own env/ folder. */
function rootWith(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'smph-config-'));
  mkdirSync(join(root, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'env', name), text);
  return root;
}

const problemsOf = (env: NodeJS.ProcessEnv, root = rootWith()): string[] => {
  try {
    loadConfig(env, root);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

const TENANT = {
  TENANT_ID: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  BOT_ID: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  SECRET_BOT_PASSWORD: 'secret',
  AAD_APP_CLIENT_ID: '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a',
  PUBLIC_URL: 'https://hub.example.sch.uk',
  KEY_VAULT_URL: 'https://smph-keys.vault.azure.net',
};

describe('configuration', () => {
  test('account credentials: Key Vault or a 32-byte key in a tenant, and a malformed key is named', () => {
    const { KEY_VAULT_URL: _vault, ...withoutVault } = TENANT;
    expect(problemsOf({ ...withoutVault, DEV_SIGN_IN: 'false' })).toEqual([
      expect.stringMatching(/^KEY_VAULT_URL: required when TENANT_ID is set/),
    ]);
    expect(problemsOf({ SECRET_CREDENTIAL_KEY: 'c2hvcnQ=' })[0]).toMatch(
      /^SECRET_CREDENTIAL_KEY: expected 32 random bytes in base64/,
    );
    expect(problemsOf({ KEY_VAULT_URL: 'http://smph-keys.vault.azure.net' })[0]).toMatch(/^KEY_VAULT_URL: expected/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ APP_ENV: 'none', SECRET_CREDENTIAL_KEY: key }, rootWith()).credentials).toEqual({
      kind: 'encrypted-in-store',
      key: Buffer.alloc(32, 7),
    });
  });

  test('first run embedded: a credential key is made in the git-ignored .user file, readable only by its owner', () => {
    const root = rootWith({ '.env.local.user': '# mine\nLOG_LEVEL=warn' });
    expect(loadConfig({}, root).credentials).toBeUndefined();
    const file = createLocalCredentialKey(root, 'local');
    const config = loadConfig({}, root);
    expect(config.credentials?.kind).toBe('encrypted-in-store');
    expect(config.logLevel).toBe('warn');
    expect(readFileSync(file, 'utf8')).toMatch(/^# mine\nLOG_LEVEL=warn\n# Encrypts/);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  test('with nothing set, the app runs embedded: SQLite in ./data, dev sign-in, loopback, demo data', () => {
    const root = rootWith();
    const config = loadConfig({}, root);
    expect(config).toMatchObject({
      envName: 'local',
      mode: 'embedded',
      port: 3978,
      host: '127.0.0.1',
      devSignIn: true,
      seedDemoData: true,
      store: { kind: 'sqlite', path: join(root, 'data', 'app.db') },
    });
  });

  test('env/.env.<name> is read, .user overrides it, and the process environment overrides both', () => {
    const root = rootWith({ '.env.staging': 'PORT=4000\nLOG_LEVEL=warn\n', '.env.staging.user': 'PORT=4001\n' });
    expect(loadConfig({ APP_ENV: 'staging' }, root)).toMatchObject({ port: 4001, logLevel: 'warn' });
    expect(loadConfig({ APP_ENV: 'staging', PORT: '4002' }, root).port).toBe(4002);
  });

  test('a wrong value names the variable, says what is expected and shows what it got', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT: expected a port number (got "eighty")']);
    expect(problemsOf({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL: expected one of fatal, error/);
    expect(problemsOf({ TENANT_ID: 'contoso' })[0]).toMatch(/^TENANT_ID: expected a GUID/);
  });

  test('every problem is reported at once, not one per restart', () => {
    expect(problemsOf({ PORT: '70000', STORE: 'postgres' })).toHaveLength(2);
  });

  test('a tenant needs its bot and API registrations, and says which are missing', () => {
    const problems = problemsOf({ TENANT_ID: TENANT.TENANT_ID, DEV_SIGN_IN: 'false' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^BOT_ID: required when TENANT_ID is set/),
        expect.stringMatching(/^AAD_APP_CLIENT_ID: required/),
        expect.stringMatching(/^PUBLIC_URL: required/),
      ]),
    );
  });

  test('the dev sign-in is refused when production settings are present', () => {
    const problems = problemsOf({ ...TENANT, DEV_SIGN_IN: 'true' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DEV_SIGN_IN: the dev sign-in is refused because production settings are present/);
    // Even one stray production setting is enough to refuse it.
    expect(problemsOf({ SHAREPOINT_SITE_ID: 'site' })[0]).toMatch(/^DEV_SIGN_IN:/);
  });

  test('the dev sign-in is refused on a non-loopback address', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^HOST: the dev sign-in only listens on loopback/),
    ]);
    expect(loadConfig({ HOST: '::1' }, rootWith()).host).toBe('::1');
    expect(loadConfig({ HOST: '0.0.0.0', DEV_SIGN_IN: 'false' }, rootWith()).devSignIn).toBe(false);
  });

  test('the dev sign-in is refused with a public address, as behind a reverse proxy', () => {
    expect(problemsOf({ PUBLIC_URL: 'https://hub.example.sch.uk' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: the dev sign-in only runs at a loopback address/),
    ]);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3978' }, rootWith()).devSignIn).toBe(true);
  });

  test('a full tenant configuration is accepted with the dev sign-in off and no demo data', () => {
    const config = loadConfig({ ...TENANT, HOST: '0.0.0.0' }, rootWith());
    expect(config).toMatchObject({ mode: 'tenant', devSignIn: false, seedDemoData: false, tenantId: TENANT.TENANT_ID });
  });

  test('the Entra directory sync runs only in a tenant that asks for it, reading a named user property', () => {
    expect(loadConfig({ ENTRA_DIRECTORY_SYNC: 'true' }, rootWith()).directory).toEqual({
      entraSync: false,
      schoolAttribute: 'companyName',
    });
    const tenant = loadConfig(
      { ...TENANT, HOST: '0.0.0.0', ENTRA_DIRECTORY_SYNC: 'true', DIRECTORY_SCHOOL_ATTRIBUTE: 'officeLocation' },
      rootWith(),
    );
    expect(tenant.directory).toEqual({ entraSync: true, schoolAttribute: 'officeLocation' });
    expect(problemsOf({ DIRECTORY_SCHOOL_ATTRIBUTE: 'company name; drop' })).toEqual([
      expect.stringMatching(/^DIRECTORY_SCHOOL_ATTRIBUTE: expected a Graph user property/),
    ]);
  });

  test('the SharePoint store needs a tenant and a site', () => {
    expect(problemsOf({ STORE: 'sharepoint' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^STORE: sharepoint needs a tenant/),
        expect.stringMatching(/^SHAREPOINT_SITE_ID: required/),
      ]),
    );
  });

  test('the bot signs in as the managed identity with no secret, or as its own app with one', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const tenant = {
      APP_ENV: 'dev',
      TENANT_ID: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
      AAD_APP_CLIENT_ID: '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a',
      PUBLIC_URL: 'https://hub.example.sch.uk',
      KEY_VAULT_URL: 'https://smph-dev.vault.azure.net',
      SHAREPOINT_SITE_ID: 'site',
    };
    const identity = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    expect(loadConfig({ ...tenant, BOT_ID: identity, AZURE_CLIENT_ID: identity }, root).bot.appType).toBe(
      'UserAssignedMSI',
    );
    expect(() => loadConfig({ ...tenant, BOT_ID: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d' }, root)).toThrow(
      /SECRET_BOT_PASSWORD: required unless the bot signs in as the managed identity/,
    );
  });

  test('on App Service each instance keeps waiting reports in its own file on the persistent share', () => {
    const config = loadConfig({
      APP_ENV: 'test',
      PENDING_REPORTS_PATH: '/home/data/pending/{instance}.db',
      WEBSITE_INSTANCE_ID: 'a1b2c3',
    });
    expect(config.pendingReportsPath).toBe('/home/data/pending/a1b2c3.db');
  });

  test('the committed env files load: local is embedded; dev is a tenant once provisioning has filled it', () => {
    const root = new URL('../..', import.meta.url).pathname;
    expect(loadConfig({ APP_ENV: 'local' }, root).mode).toBe('embedded');
    // Committed without the ids provisioning creates, so it says what is missing rather than use examples.
    expect(() => loadConfig({ APP_ENV: 'dev' }, root)).toThrow(/TENANT_ID/);
    const provisioned = {
      TENANT_ID: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
      BOT_ID: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      AAD_APP_CLIENT_ID: '9c8b7a6d-5e4f-4d3c-9b2a-1f0e9d8c7b6a',
      PUBLIC_URL: 'https://hub.example.sch.uk',
      KEY_VAULT_URL: 'https://smph-dev.vault.azure.net',
    };
    const dev = loadConfig(
      { APP_ENV: 'dev', ...provisioned, SECRET_BOT_PASSWORD: 'x', SHAREPOINT_SITE_ID: 'site' },
      root,
    );
    expect(dev).toMatchObject({ mode: 'tenant', devSignIn: false, store: { kind: 'sharepoint' } });
  });
});

describe('links to the tab', () => {
  test('in a tenant, a case link is a Teams deep link to the hub tab, naming the case as its sub-entity', async () => {
    const { caseUrl } = await import('../../src/config/urls.ts');
    const config = {
      publicUrl: 'https://hub.example.sch.uk',
      port: 3978,
      mode: 'tenant' as const,
      teamsAppId: '5d1e7a36-6c8b-4b7e-9f4c-0e2a1d3b7c01',
    };
    const link = new URL(caseUrl(config, 'incident-1'));
    expect(link.origin + link.pathname).toBe(
      'https://teams.microsoft.com/l/entity/5d1e7a36-6c8b-4b7e-9f4c-0e2a1d3b7c01/hub',
    );
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'cases/incident-1' });
    expect(link.searchParams.get('webUrl')).toBe('https://hub.example.sch.uk/tab/#/cases/incident-1');
  });

  test('embedded, with no Teams, it is the web address', async () => {
    const { caseUrl } = await import('../../src/config/urls.ts');
    expect(caseUrl({ publicUrl: undefined, port: 3978, mode: 'embedded' }, 'incident-1')).toBe(
      'http://localhost:3978/tab/#/cases/incident-1',
    );
  });
});
