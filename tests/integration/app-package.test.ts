import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ACTIVITY_TYPES } from '../../src/notifications/activity-feed.ts';
import { ROOT } from '../helpers/app.ts';

/** A copy of appPackage/ and env/ to break things in, leaving the real ones alone. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smph-package-'));
  cpSync(join(ROOT, 'appPackage'), join(dir, 'appPackage'), {
    recursive: true,
    filter: (src) => !src.includes('build'),
  });
  cpSync(join(ROOT, 'env'), join(dir, 'env'), { recursive: true, filter: (src) => !src.endsWith('.user') });
  // As if provisioned: the committed env/.env.dev holds no ids until provisioning writes them.
  cpSync(join(dir, 'env', '.env.dev.example'), join(dir, 'env', '.env.dev'));
  return dir;
}

/** Runs `npm run package`'s script exactly, in the scratch project. */
function packageApp(dir: string, envName = 'dev') {
  const result = spawnSync(process.execPath, [join(ROOT, 'src', 'cli', 'package-app.ts'), '--env', envName], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    zip: join(dir, 'appPackage', 'build', `appPackage.${envName}.zip`),
  };
}

function editManifest(dir: string, edit: (m: Record<string, unknown>) => void): void {
  const path = join(dir, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest));
}

describe('npm run package', () => {
  test('writes a zip whose filled manifest validates offline, with real icons', async () => {
    const dir = scratchProject();
    const run = packageApp(dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('appPackage.dev.zip');
    const zip = await JSZip.loadAsync(readFileSync(run.zip));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest).toMatchObject({
      manifestVersion: '1.30',
      localizationInfo: { defaultLanguageTag: 'en-gb', additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }] },
      bots: [{ botId: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d', scopes: ['personal', 'team', 'groupChat'] }],
      webApplicationInfo: { nestedAppAuthInfo: [{ redirectUri: 'brk-multihub://hub.example.sch.uk' }] },
      validDomains: ['hub.example.sch.uk', 'hub.example.sch.uk'],
    });
  });

  test('a deliberately broken manifest fails with a readable error naming each problem, and writes no zip', () => {
    const dir = scratchProject();
    editManifest(dir, (m) => {
      delete m.accentColor;
      (m.bots as { scopes: string[] }[])[0]!.scopes = ['everywhere'];
    });
    const run = packageApp(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^appPackage\/manifest.json is not a valid Teams app manifest:/);
    expect(run.stderr).toMatch(/accentColor/);
    expect(run.stderr).toMatch(/\/bots\/0\/scopes\/0 must be equal to one of the allowed values/);
    expect(existsSync(run.zip)).toBe(false);
  });

  test('the Welsh strings go in the package, filled and checked; a broken translation stops the build', async () => {
    const dir = scratchProject();
    const ok = packageApp(dir);
    const zip = await JSZip.loadAsync(readFileSync(ok.zip));
    const welsh = JSON.parse(await zip.file('cy.json')!.async('string')) as Record<string, string>;
    expect(welsh['name.short']).toBe('Hyb Polisi Cyfryngau (dev)');
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    // Every command described in Welsh is one the manifest lists, in both scopes.
    expect(manifest.bots[0]!.commandLists.map((l) => [l.scopes[0], l.commands.length])).toEqual([
      ['personal', 5],
      ['team', 2],
    ]);
    writeFileSync(join(dir, 'appPackage', 'cy.json'), JSON.stringify({ ...welsh, 'name.short': 'x'.repeat(40) }));
    const broken = packageApp(dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^appPackage\/cy.json is not a valid Teams app manifest:/);
  });

  test('an old manifest schema is refused', () => {
    const dir = scratchProject();
    editManifest(dir, (m) => {
      m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json';
      m.manifestVersion = '1.17';
      delete (m.webApplicationInfo as Record<string, unknown>).nestedAppAuthInfo;
    });
    const run = packageApp(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('manifest schema 1.17 is too old; use 1.22 or later');
  });

  test('before provisioning, the committed env file builds nothing and says to provision first', () => {
    const dir = scratchProject();
    cpSync(join(ROOT, 'env', '.env.dev'), join(dir, 'env', '.env.dev'));
    const run = packageApp(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'TEAMS_APP_ID is empty in env/.env.dev: provisioning writes it (atk provision --env dev)',
    );
    expect(existsSync(run.zip)).toBe(false);
  });

  test('a placeholder with no value in the env file is reported by name', () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'env', '.env.empty'), 'TEAMS_APP_ID=5d1e7a36-6c8b-4b7e-9f4c-0e2a1d3b7c01\n');
    const run = packageApp(dir, 'empty');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('BOT_ID is used in the manifest but not set in env/.env.empty or the environment');
  });

  test('an icon of the wrong size is refused', () => {
    const dir = scratchProject();
    cpSync(join(dir, 'appPackage', 'outline.png'), join(dir, 'appPackage', 'color.png'));
    const run = packageApp(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('icons.color: color.png is 32×32, expected 192×192');
  });

  test('values are JSON-escaped when filled in, so a quote in a value cannot break the manifest', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'env', '.env.dev.user'), `APP_NAME_SUFFIX=' "q"'\n`);
    const run = packageApp(dir);
    expect(run.stderr).toBe('');
    const zip = await JSZip.loadAsync(readFileSync(run.zip));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { name: { short: string } };
    expect(manifest.name.short).toBe('Social Media Policy "q"');
  });
});

test('the manifest declares exactly the activity types the hub sends to activity feeds, with the same templates', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
    activities?: { activityTypes: { type: string; description: string; templateText: string }[] };
  };
  const declared = Object.fromEntries(
    (manifest.activities?.activityTypes ?? []).map((a) => [
      a.type,
      { description: a.description, templateText: a.templateText },
    ]),
  );
  expect(declared).toEqual(ACTIVITY_TYPES);
});
