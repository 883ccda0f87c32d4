import type { z } from 'zod';

/**
 * The smallest value a route's declared schema accepts: required fields only, strings of the
 * shortest allowed length, the first choice of an enum or union. The suite sends these so a
 * request reaches the route's authorisation rather than stopping at validation; the access
 * table fills in real ids where a route needs them.
 */
interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const FORMATS: Record<string, string> = {
  date: '2026-11-20',
  datetime: '2026-11-20T10:00:00Z',
  url: 'https://example.sch.uk/page',
  base64: 'UGxhaW4gdGV4dA==',
  email: 'someone@example.sch.uk',
  uuid: '11111111-2222-4333-8444-555555555555',
  guid: '11111111-2222-4333-8444-555555555555',
};

function stringSample(def: Def): string {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const format = def.format ?? (checks.find((c) => c.check === 'string_format')?.format as string | undefined);
  if (format && FORMATS[format]) return FORMATS[format];
  const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
  const max = Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 64);
  const text = 'sample text for the security suite';
  return text.slice(0, Math.max(Math.min(max, 6), min)).padEnd(min, 'x');
}

function numberSample(def: Def): number {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const low = checks.find((c) => c.check === 'greater_than');
  return low ? Number(low.value) + (low.inclusive ? 0 : 1) : 1;
}

export function sampleOf(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .filter(([, field]) => !['optional', 'default'].includes(defOf(field).type))
          .map(([key, field]) => [key, sampleOf(field)]),
      );
    case 'string':
      return stringSample(def);
    case 'number':
    case 'int':
      return numberSample(def);
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'array': {
      const min = Number((def.checks ?? []).map((c) => c._zod.def).find((c) => c.check === 'min_length')?.minimum ?? 0);
      return Array.from({ length: min }, () => sampleOf(def.element!));
    }
    case 'union':
      return sampleOf(def.options![0]!);
    case 'optional':
    case 'nullable':
      return sampleOf(def.innerType!);
    case 'default':
      return def.defaultValue;
    case 'pipe':
      return sampleOf(def.in!);
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** The sample with the table's own values laid over it, field by field at the top level. */
export function requestPart(schema: z.ZodType | undefined, given: Record<string, unknown> | undefined) {
  if (!schema) return given;
  const base = sampleOf(schema);
  return base && typeof base === 'object' && !Array.isArray(base) ? { ...base, ...given } : (given ?? base);
}
