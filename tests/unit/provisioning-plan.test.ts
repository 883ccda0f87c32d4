import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * m365agents.yml, infra/ and env/.env.dev must agree: the steps run in an order where each finds
 * what it needs, no step makes a secret, and every value a step or the template reads is either
 * chosen by the school in the env file, written by an earlier step, or one the toolkit supplies.
 */
const root = new URL('../../', import.meta.url);
const text = (path: string) => readFileSync(new URL(path, root), 'utf8');
const plan = parse(text('m365agents.yml')) as Record<
  string,
  { uses: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> }[]
>;
const template = JSON.parse(text('infra/azure.json')) as { outputs: Record<string, unknown> };
const envKeys = new Set(
  text('env/.env.dev')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
    .filter(Boolean),
);
const placeholders = (value: string) => [...value.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

test('the provisioning steps run in order: Teams app, Entra app, Azure resources, Entra addresses and grants, app package', () => {
  expect(plan.provision!.map((s) => s.uses)).toEqual([
    'teamsApp/create',
    'script',
    'arm/deploy',
    'script',
    'teamsApp/validateManifest',
    'teamsApp/zipAppPackage',
    'teamsApp/validateAppPackage',
    'teamsApp/update',
  ]);
  // No bot app with a password: the bot is the managed identity the template creates.
  expect(JSON.stringify(plan)).not.toMatch(/botAadApp|generateClientSecret: true|"generateClientSecret":true/);
  expect(plan.deploy!.at(-1)).toMatchObject({ uses: 'azureAppService/zipDeploy' });
});

test('every value a step, the parameters or the manifests read is chosen in the env file or written before it is needed', () => {
  // The toolkit's own, and what the school fills in before provisioning (or, for the site, after `npm run provision`).
  const written = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
  for (const key of [
    'APP_NAME_SUFFIX',
    'APP_VERSION',
    'AZURE_LOCATION',
    'RESOURCE_SUFFIX',
    'SCHOOL_NAME',
    'SHAREPOINT_SITE_ID',
  ])
    written.add(key);
  const unknown: string[] = [];
  for (const step of plan.provision!) {
    for (const name of placeholders(JSON.stringify(step.with ?? {})))
      if (!written.has(name)) unknown.push(`${step.uses}: ${name}`);
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) written.add(name);
    if (step.uses === 'script' && String(step.with?.run).includes('provision:tenant')) {
      // What src/cli/provision-tenant.ts hands back (--toolkit); its own test checks it does.
      for (const name of [
        'AAD_APP_CLIENT_ID',
        'AAD_APP_OBJECT_ID',
        'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
        'TENANT_ID',
      ])
        written.add(name);
      // The first run makes the app before the domain exists and leaves the addresses for the second.
      if (!String(step.with?.run).includes('--phase entra'))
        for (const name of placeholders(text('appPackage/aad.manifest.json')))
          if (!written.has(name)) unknown.push(`aad.manifest.json: ${name}`);
    }
    if (step.uses === 'arm/deploy') {
      for (const name of placeholders(text('infra/azure.parameters.json')))
        if (!written.has(name)) unknown.push(`azure.parameters.json: ${name}`);
      for (const output of Object.keys(template.outputs)) {
        // The toolkit writes each output to the env file under its own name, so the env file must list it.
        if (!envKeys.has(output)) unknown.push(`azure.json output ${output} is not in env/.env.dev`);
        written.add(output);
      }
    }
    if (step.uses === 'aadApp/update') {
      for (const name of placeholders(text('appPackage/aad.manifest.json')))
        if (!written.has(name) && name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID')
          unknown.push(`aad.manifest.json: ${name}`);
    }
    if (step.uses === 'teamsApp/zipAppPackage') {
      for (const name of placeholders(text('appPackage/manifest.json')))
        if (!written.has(name)) unknown.push(`manifest.json: ${name}`);
    }
  }
  for (const step of plan.deploy!) {
    for (const name of placeholders(JSON.stringify(step.with ?? {})))
      if (!written.has(name)) unknown.push(`deploy ${step.uses}: ${name}`);
  }
  expect(unknown).toEqual([]);
});
