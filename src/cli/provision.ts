import { parseArgs } from 'node:util';
import { graphTokens, identityFromEnv } from '../config/azure-identity.ts';
import { readEnvFiles } from '../config/config.ts';
import { graphAt, sharePointGraphClient } from '../store/sharepoint/graph-client.ts';
import { describeStep, provisionSite } from '../store/sharepoint/provision.ts';
import { SCHEMA_VERSION } from '../store/sharepoint/lists.ts';

/**
 * npm run provision -- --site <site URL or id> [--dry-run]
 *
 * Creates or updates the app's SharePoint lists, columns, indexes and schema version on the site.
 * Signs in as the app (GRAPH_CLIENT_ID with SECRET_GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH,
 * and TENANT_ID) or with the managed identity; GRAPH_BASE_URL points it at another Graph endpoint.
 */
const USAGE =
  'Usage: npm run provision -- --site <https://contoso.sharepoint.com/sites/policyhub | site id> [--dry-run]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { site: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  if (!values.site) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = { ...readEnvFiles(process.cwd(), process.env.APP_ENV ?? 'local'), ...process.env };
  const baseUrl = env.GRAPH_BASE_URL;
  if (baseUrl && !baseUrl.startsWith('https://')) {
    process.stderr.write('GRAPH_BASE_URL must be an https address\n');
    return 2;
  }
  const client = sharePointGraphClient(graphTokens(identityFromEnv(env)), graphAt(baseUrl));
  // A site URL becomes its id: GET /sites/{host}:/{path}.
  let siteId = values.site;
  if (/^https:\/\//.test(siteId)) {
    const url = new URL(siteId);
    siteId = (
      (await client
        .api(`/sites/${url.hostname}:${url.pathname.replace(/\/$/, '')}`)
        .select('id')
        .get()) as {
        id: string;
      }
    ).id;
  }
  const result = await provisionSite(client, siteId, { dryRun: values['dry-run'] });
  if (result.steps.length === 0) {
    process.stdout.write(
      `No changes: the site already has every list, column and index of schema version ${SCHEMA_VERSION}.\n`,
    );
    return 0;
  }
  const verb = result.applied ? 'Done' : 'Would do (dry run, nothing changed)';
  process.stdout.write(`${verb}:\n${result.steps.map((s) => `  - ${describeStep(s)}`).join('\n')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Provisioning failed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
