import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * npm run check:infra: checks infra/azure.json and its parameters offline, before anyone deploys.
 * There is no Bicep compiler or ARM service here, so this holds the template to the deployment
 * template format as documented (its sections and each resource's required fields) and to its own
 * references: every parameter, variable and resource an expression names must exist, every
 * dependsOn must point at a resource the template declares, and the parameters file must fill
 * exactly the parameters that have no default, with allowed values.
 */
const expression = z.string().regex(/^\[.*\]$/s, { message: 'expected an ARM expression in [brackets]' });
const parameter = z
  .object({
    type: z.enum(['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array']),
    defaultValue: z.unknown().optional(),
    allowedValues: z.array(z.unknown()).optional(),
    minValue: z.number().optional(),
    maxValue: z.number().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    metadata: z.object({ description: z.string().min(1) }),
  })
  .strict();
const resource = z
  .object({
    type: z
      .string()
      .regex(/^[A-Za-z]+\.[A-Za-z]+\/[A-Za-z]+(\/[A-Za-z]+)*$/, { message: 'expected Provider.Namespace/type' }),
    apiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, { message: 'expected an API version date' }),
    name: z.string().min(1),
    location: z.string().optional(),
    kind: z.string().optional(),
    scope: z.string().optional(),
    sku: z.record(z.string(), z.unknown()).optional(),
    identity: z.record(z.string(), z.unknown()).optional(),
    dependsOn: z.array(expression).optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
const templateSchema = z
  .object({
    $schema: z.literal('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'),
    contentVersion: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
    metadata: z.record(z.string(), z.unknown()).optional(),
    parameters: z.record(z.string(), parameter),
    variables: z.record(z.string(), z.unknown()).optional(),
    resources: z.array(resource).min(1),
    outputs: z.record(z.string(), z.object({ type: z.string(), value: z.unknown() }).strict()).optional(),
  })
  .strict();
const parametersSchema = z
  .object({
    $schema: z.literal('https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'),
    contentVersion: z.string(),
    parameters: z.record(z.string(), z.object({ value: z.unknown() }).strict()),
  })
  .strict();

type Template = z.infer<typeof templateSchema>;

/** Every string in a value, with where it is, so a problem can name its place. */
function* strings(value: unknown, at: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${at}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield* strings(k, `${at}.${k} (key)`);
      yield* strings(v, `${at}.${k}`);
    }
  }
}

const zodProblems = (where: string, error: z.ZodError) =>
  error.issues.map((i) => `${where}${i.path.length ? `/${i.path.join('/')}` : ''}: ${i.message}`);

/** What is wrong with a template and its parameters file; empty when nothing is. */
export function checkTemplate(rawTemplate: unknown, rawParameters: unknown): string[] {
  const parsed = templateSchema.safeParse(rawTemplate);
  if (!parsed.success) return zodProblems('azure.json', parsed.error);
  const template: Template = parsed.data;
  const problems: string[] = [];
  const declaredTypes = new Set(template.resources.map((r) => r.type.toLowerCase()));
  const variables = template.variables ?? {};

  for (const [at, text] of strings({ variables, resources: template.resources, outputs: template.outputs }, '')) {
    if (!text.startsWith('[')) continue;
    for (const m of text.matchAll(/parameters\('([^']+)'\)/g)) {
      if (!(m[1]! in template.parameters)) problems.push(`azure.json${at}: no parameter named "${m[1]}"`);
    }
    for (const m of text.matchAll(/variables\('([^']+)'\)/g)) {
      if (!(m[1]! in variables)) problems.push(`azure.json${at}: no variable named "${m[1]}"`);
    }
    for (const m of text.matchAll(/resourceId\('([^']+)'/g)) {
      const type = m[1]!.toLowerCase();
      // Role definitions are built in, not declared here.
      if (type !== 'microsoft.authorization/roledefinitions' && !declaredTypes.has(type)) {
        problems.push(`azure.json${at}: resourceId names "${m[1]}", which the template does not declare`);
      }
    }
  }
  template.resources.forEach((r, i) => {
    for (const dependency of r.dependsOn ?? []) {
      const type = /resourceId\('([^']+)'/.exec(dependency)?.[1];
      if (!type || !declaredTypes.has(type.toLowerCase())) {
        problems.push(`azure.json/resources/${i} (${r.type}): depends on something not declared: ${dependency}`);
      }
    }
  });

  const filled = parametersSchema.safeParse(rawParameters);
  if (!filled.success) return [...problems, ...zodProblems('azure.parameters.json', filled.error)];
  for (const name of Object.keys(filled.data.parameters)) {
    if (!(name in template.parameters)) problems.push(`azure.parameters.json: "${name}" is not a template parameter`);
  }
  for (const [name, spec] of Object.entries(template.parameters)) {
    const given = filled.data.parameters[name]?.value;
    if (given === undefined && spec.defaultValue === undefined) {
      problems.push(`azure.parameters.json: "${name}" has no default and is not given`);
    }
    if (
      given !== undefined &&
      spec.allowedValues &&
      !/\$\{\{/.test(String(given)) &&
      !spec.allowedValues.includes(given)
    ) {
      problems.push(
        `azure.parameters.json: "${name}" is ${JSON.stringify(given)}, not one of ${JSON.stringify(spec.allowedValues)}`,
      );
    }
  }
  return problems;
}

export function main(dir = process.cwd()): number {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, 'infra', file), 'utf8')) as unknown;
  const problems = checkTemplate(read('azure.json'), read('azure.parameters.json'));
  if (problems.length) {
    process.stderr.write(`infra/ has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write('infra/azure.json and azure.parameters.json: no problems found\n');
  return 0;
}

if (import.meta.main) process.exitCode = main();
