import type { Client } from '@microsoft/microsoft-graph-client';
import { columnDefinition, listSpecs, SCHEMA_LIST, SCHEMA_VERSION, type ColumnSpec, type ListSpec } from './lists.ts';

/**
 * Creates or updates the site's lists, columns and indexes to match the record kinds, and
 * records the schema version. Idempotent: what already matches is left alone, so a second run
 * changes nothing and says so. Columns are only ever added or indexed, never removed or
 * retyped, so records written by an older version stay readable.
 */
export type ProvisionStep =
  | { kind: 'create-list'; list: string; columns: number }
  | { kind: 'add-column'; list: string; column: string }
  | { kind: 'index-column'; list: string; column: string }
  | { kind: 'record-schema-version'; from: number | null; to: number };

interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
}

export interface SiteState {
  lists: Map<string, { id: string; columns: ExistingColumn[] }>;
  schemaVersion: number | null;
}

/** The steps that bring a site from its current state to this version's lists: pure, for --dry-run. */
export function provisioningPlan(state: SiteState, specs: ListSpec[] = listSpecs()): ProvisionStep[] {
  const steps: ProvisionStep[] = [];
  for (const spec of specs) {
    const existing = state.lists.get(spec.displayName);
    if (!existing) {
      steps.push({ kind: 'create-list', list: spec.displayName, columns: spec.columns.length });
      continue;
    }
    for (const column of spec.columns) {
      const found = existing.columns.find((c) => c.name === column.name);
      if (!found) steps.push({ kind: 'add-column', list: spec.displayName, column: column.name });
      else if (column.indexed && !found.indexed) {
        steps.push({ kind: 'index-column', list: spec.displayName, column: column.name });
      }
    }
  }
  if (state.schemaVersion !== SCHEMA_VERSION) {
    steps.push({ kind: 'record-schema-version', from: state.schemaVersion, to: SCHEMA_VERSION });
  }
  return steps;
}

export function describeStep(step: ProvisionStep): string {
  switch (step.kind) {
    case 'create-list':
      return `create list "${step.list}" with ${step.columns} columns`;
    case 'add-column':
      return `add column ${step.column} to "${step.list}"`;
    case 'index-column':
      return `index column ${step.column} of "${step.list}"`;
    case 'record-schema-version':
      return `record schema version ${step.to} (was ${step.from ?? 'none'})`;
  }
}

const listsPath = (siteId: string) => `/sites/${siteId}/lists`;

/** What the site has now: its lists with their columns, and the recorded schema version. */
export async function readSite(client: Client, siteId: string): Promise<SiteState> {
  const wanted = new Set(listSpecs().map((s) => s.displayName));
  const found = (await client.api(listsPath(siteId)).select('id,displayName').top(999).get()) as {
    value: { id: string; displayName: string }[];
  };
  const lists = new Map<string, { id: string; columns: ExistingColumn[] }>();
  for (const list of found.value.filter((l) => wanted.has(l.displayName))) {
    const columns = (await client.api(`${listsPath(siteId)}/${list.id}/columns`).get()) as { value: ExistingColumn[] };
    lists.set(list.displayName, { id: list.id, columns: columns.value });
  }
  let schemaVersion: number | null = null;
  if (lists.has(SCHEMA_LIST)) {
    const items = (await client
      .api(`${listsPath(siteId)}/${lists.get(SCHEMA_LIST)!.id}/items`)
      .expand('fields($select=Version)')
      .top(1)
      .get()) as { value: { fields: { Version?: number } }[] };
    schemaVersion = items.value[0]?.fields.Version ?? null;
  }
  return { lists, schemaVersion };
}

export interface ProvisionResult {
  steps: ProvisionStep[];
  applied: boolean;
}

/** Reads the site, plans, and (unless a dry run) applies the plan in order. */
export async function provisionSite(
  client: Client,
  siteId: string,
  options: { dryRun?: boolean } = {},
): Promise<ProvisionResult> {
  const state = await readSite(client, siteId);
  const steps = provisioningPlan(state);
  if (options.dryRun || steps.length === 0) return { steps, applied: false };
  const specs = new Map(listSpecs().map((s) => [s.displayName, s]));
  const columnOf = (list: string, name: string): ColumnSpec => specs.get(list)!.columns.find((c) => c.name === name)!;
  for (const step of steps) {
    if (step.kind === 'create-list') {
      const spec = specs.get(step.list)!;
      const created = (await client.api(listsPath(siteId)).post({
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      })) as { id: string };
      state.lists.set(step.list, { id: created.id, columns: [] });
    } else if (step.kind === 'add-column') {
      await client
        .api(`${listsPath(siteId)}/${state.lists.get(step.list)!.id}/columns`)
        .post(columnDefinition(columnOf(step.list, step.column)));
    } else if (step.kind === 'index-column') {
      const list = state.lists.get(step.list)!;
      const column = list.columns.find((c) => c.name === step.column)!;
      await client.api(`${listsPath(siteId)}/${list.id}/columns/${column.id}`).patch({ indexed: true });
    } else {
      const schemaList = state.lists.get(SCHEMA_LIST)!;
      const items = (await client
        .api(`${listsPath(siteId)}/${schemaList.id}/items`)
        .top(1)
        .get()) as {
        value: { id: string }[];
      };
      const fields = { Title: 'schema', Version: SCHEMA_VERSION };
      if (items.value[0]) {
        await client.api(`${listsPath(siteId)}/${schemaList.id}/items/${items.value[0].id}/fields`).patch(fields);
      } else {
        await client.api(`${listsPath(siteId)}/${schemaList.id}/items`).post({ fields });
      }
    }
  }
  return { steps, applied: true };
}
