import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { readEnvFiles } from '../config/config.ts';

export class ManifestError extends Error {
  override name = 'ManifestError';
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`${file} is not a valid Teams app manifest:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

const ICONS = { color: 192, outline: 32 } as const;
const require = createRequire(import.meta.url);

/** Fills ${{NAME}} placeholders from the environment's values, JSON-escaped. */
export function fillPlaceholders(
  template: string,
  values: Record<string, string | undefined>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    const value = values[name];
    // An empty id is one provisioning has not written yet: as good as missing.
    if (value === undefined || (value === '' && name !== 'APP_NAME_SUFFIX')) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

/** The schema bundled in @microsoft/app-manifest for a $schema URL (the manifest's or a language file's): no network needed. */
function bundledSchema(schemaUrl: unknown, kind: 'schema' | 'Localization.schema' = 'schema'): object {
  const pattern = new RegExp(`/teams/(v[\\d.]+|vDevPreview)/MicrosoftTeams\\.${kind.replace('.', '\\.')}\\.json$`);
  const match = pattern.exec(String(schemaUrl ?? ''));
  if (!match) throw new Error(`"$schema" must be a Teams ${kind} URL, got ${JSON.stringify(schemaUrl)}`);
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(root, 'build', 'json-schemas', 'teams', match[1]!, `MicrosoftTeams.${kind}.json`);
  if (!existsSync(path)) throw new Error(`no bundled schema for ${match[1]}; use manifest version 1.22 or later`);
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export async function validateManifest(manifest: Record<string, unknown>, packageDir: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    const schema = bundledSchema(manifest.$schema);
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
    problems.push(...errors);
  } catch (err) {
    problems.push((err as Error).message);
  }
  const version = /v([\d.]+)\//.exec(String(manifest.$schema))?.[1];
  if (version && Number(version.split('.')[1]) < 22)
    problems.push(`manifest schema ${version} is too old; use 1.22 or later`);
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  for (const [kind, size] of Object.entries(ICONS)) {
    const file = icons[kind];
    const path = file ? join(packageDir, file) : '';
    if (!file || !existsSync(path)) {
      problems.push(`icons.${kind}: file "${file ?? ''}" is missing from appPackage/`);
      continue;
    }
    const dims = pngSize(readFileSync(path));
    if (!dims) problems.push(`icons.${kind}: ${file} is not a PNG`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(`icons.${kind}: ${file} is ${dims.width}×${dims.height}, expected ${size}×${size}`);
    }
  }
  return problems;
}

export interface PackageResult {
  zipPath: string;
  manifest: Record<string, unknown>;
}

/**
 * The localisation schemas are draft-04 and use patterns that are not valid as Unicode regular
 * expressions, which the manifest library's validator insists on; ajv's draft-04 build reads them as written.
 */
function localizationProblems(strings: object, schema: object): string[] {
  // CommonJS modules: their `default` is the class and the plugin.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);
  if (validate(strings)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`);
}

/**
 * The manifest's translations (localizationInfo.additionalLanguages), filled from the same values
 * and each checked against the bundled localisation schema of its version.
 */
async function languageFiles(
  manifest: Record<string, unknown>,
  packageDir: string,
  values: Record<string, string | undefined>,
): Promise<[string, object][]> {
  const info = manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined;
  const files: [string, object][] = [];
  for (const { file } of info?.additionalLanguages ?? []) {
    const where = `appPackage/${file}`;
    const path = join(packageDir, file);
    if (!existsSync(path)) throw new ManifestError('appPackage/manifest.json', [`${where} is named but missing`]);
    const { text, missing } = fillPlaceholders(readFileSync(path, 'utf8'), values);
    if (missing.length)
      throw new ManifestError(
        where,
        missing.map((name) => `${name} has no value`),
      );
    let strings: Record<string, unknown>;
    try {
      strings = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new ManifestError(where, [`not valid JSON: ${(err as Error).message}`]);
    }
    let problems: string[];
    try {
      problems = localizationProblems(strings, bundledSchema(strings.$schema, 'Localization.schema'));
    } catch (err) {
      problems = [(err as Error).message];
    }
    if (problems.length) throw new ManifestError(where, problems);
    files.push([file, strings]);
  }
  return files;
}

/**
 * Builds appPackage/build/appPackage.<env>.zip from the manifest template and env/.env.<env>,
 * refusing to write anything unless the filled manifest passes the offline schema check.
 */
export async function buildAppPackage(
  rootDir: string,
  envName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PackageResult> {
  const packageDir = join(rootDir, 'appPackage');
  const templatePath = join(packageDir, 'manifest.json');
  const values = { ...readEnvFiles(rootDir, envName), ...env };
  const { text, missing } = fillPlaceholders(readFileSync(templatePath, 'utf8'), values);
  if (missing.length) {
    throw new ManifestError(
      'appPackage/manifest.json',
      missing.map((name) =>
        name in values
          ? `${name} is empty in env/.env.${envName}: provisioning writes it (atk provision --env ${envName})`
          : `${name} is used in the manifest but not set in env/.env.${envName} or the environment`,
      ),
    );
  }
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new ManifestError('appPackage/manifest.json', [`not valid JSON: ${(err as Error).message}`]);
  }
  const problems = await validateManifest(manifest, packageDir);
  if (problems.length) throw new ManifestError('appPackage/manifest.json', problems);

  const languages = await languageFiles(manifest, packageDir, values);
  const icons = manifest.icons as Record<string, string>;
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const [file, strings] of languages) zip.file(file, JSON.stringify(strings, null, 2));
  for (const file of new Set(Object.values(icons))) zip.file(file, readFileSync(join(packageDir, file)));
  const outDir = join(packageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  writeFileSync(join(outDir, `manifest.${envName}.json`), JSON.stringify(manifest, null, 2));
  return { zipPath, manifest };
}
