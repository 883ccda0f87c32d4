import type { z } from 'zod';
import { KINDS, KIND_NAMES, type KindName } from '../kinds.ts';

/**
 * How the record kinds become SharePoint lists: one list per kind, the store's own columns, and a
 * typed, indexed column for every field the store filters or sorts on. Pure, so provisioning can
 * print its plan and the adapter and provisioning cannot disagree.
 */
/**
 * 2: audit entries gained a trust column, for entries about no one school.
 * 3: a journal list, so a commit of several records is whole or absent across crashes.
 */
export const SCHEMA_VERSION = 3;

/** The list that records which schema version the site has, so later versions can add columns safely. */
export const SCHEMA_LIST = 'SMPH schema';
export const FILES_LIST = 'SMPH files';
/** Commits of several records still being made, each written whole before its parts (see the adapter). */
export const COMMITS_LIST = 'SMPH commits';

export interface ColumnSpec {
  name: string;
  type: 'text' | 'note' | 'number' | 'boolean' | 'choice';
  choices?: readonly string[];
  indexed: boolean;
  unique?: boolean;
}

export interface ListSpec {
  /** The store's name for it, or the files and schema lists. */
  kind: KindName | 'files' | 'schema' | 'commits';
  displayName: string;
  description: string;
  columns: ColumnSpec[];
}

/** The record id, unique and indexed, so a create can never happen twice and lookups are one request. */
export const RECORD_ID = 'RecordId';
/** The whole record as JSON: the source of truth when reading. */
export const RECORD_JSON = 'RecordJson';
/** Where the record lives in the library when it is longer than a note column holds. */
export const RECORD_FILE = 'RecordFile';
export const CREATED_AT = 'CreatedAt';
export const UPDATED_AT = 'UpdatedAt';

/** A multi-line text column in SharePoint holds at most 63,999 characters. */
export const NOTE_LIMIT = 63_999;

const storeColumns: ColumnSpec[] = [
  { name: RECORD_ID, type: 'text', indexed: true, unique: true },
  // ISO 8601 text sorts as time does; a dateTime column would drop the milliseconds the store orders by.
  { name: CREATED_AT, type: 'text', indexed: true },
  { name: UPDATED_AT, type: 'text', indexed: false },
  { name: RECORD_JSON, type: 'note', indexed: false },
  { name: RECORD_FILE, type: 'text', indexed: false },
];

function unwrap(schema: z.ZodType): { type: string; options?: readonly string[] } {
  let s = schema as unknown as { _zod: { def: { type: string; innerType?: unknown } }; options?: readonly string[] };
  while (s._zod.def.innerType) s = s._zod.def.innerType as typeof s;
  return { type: s._zod.def.type, options: s.options };
}

/** The column for an indexed field, typed from the record's schema. */
export function fieldColumn(kind: KindName, field: string): ColumnSpec {
  const shape = (KINDS[kind].schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const { type, options } = unwrap(shape[field]!);
  if (type === 'boolean') return { name: field, type: 'boolean', indexed: true };
  if (type === 'number') return { name: field, type: 'number', indexed: true };
  if (type === 'enum') return { name: field, type: 'choice', choices: options, indexed: true };
  return { name: field, type: 'text', indexed: true };
}

export const listNameOf = (kind: KindName) => `SMPH ${kind}`;

export function listSpecs(): ListSpec[] {
  return [
    ...KIND_NAMES.map((kind) => ({
      kind,
      displayName: listNameOf(kind),
      description: `Social Media Policy Hub records: ${kind}. Written by the app; do not edit by hand.`,
      columns: [
        ...storeColumns,
        ...(KINDS[kind].indexed as readonly string[]).map((field) => fieldColumn(kind, field)),
      ],
    })),
    {
      kind: 'files',
      displayName: FILES_LIST,
      description: 'Evidence files kept in the library: who may read them is decided by the app.',
      columns: [
        { name: RECORD_ID, type: 'text', indexed: true, unique: true },
        { name: 'ContentType', type: 'text', indexed: false },
        { name: 'Path', type: 'text', indexed: false },
        { name: 'Size', type: 'number', indexed: false },
      ],
    },
    {
      kind: 'commits',
      displayName: COMMITS_LIST,
      description: 'Changes being written by the app, each removed once all its parts are in place. Do not edit.',
      columns: storeColumns,
    },
    {
      kind: 'schema',
      displayName: SCHEMA_LIST,
      description: 'The Social Media Policy Hub schema version of this site.',
      columns: [{ name: 'Version', type: 'number', indexed: false }],
    },
  ];
}

/** A column as Graph's columnDefinition expects it. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const type =
    column.type === 'note'
      ? { text: { allowMultipleLines: true, textType: 'plain' } }
      : column.type === 'text'
        ? { text: { allowMultipleLines: false, maxLength: 255 } }
        : column.type === 'choice'
          ? { choice: { choices: column.choices ?? [], displayAs: 'dropDownMenu' } }
          : { [column.type]: {} };
  return { name: column.name, indexed: column.indexed, enforceUniqueValues: column.unique === true, ...type };
}
