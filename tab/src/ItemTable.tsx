import { TableScroll } from './TableScroll.tsx';
import { Body1, Spinner, Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice.tsx';

interface Props<T> {
  label: string;
  state: { data?: { items: T[] }; error?: Error };
  loading: string;
  empty: string;
  columns: string[];
  row: (item: T) => ReactNode;
}

/** A list from the API as a table, with its loading, error and empty states said in words. */
export function ItemTable<T>({ label, state, loading, empty, columns, row }: Props<T>) {
  if (state.error) return <ErrorNotice error={state.error} />;
  if (!state.data) return <Spinner label={loading} />;
  if (state.data.items.length === 0) return <Body1>{empty}</Body1>;
  return (
    <TableScroll label={label}>
      <Table aria-label={label}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c}>{c}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{state.data.items.map(row)}</TableBody>
      </Table>
    </TableScroll>
  );
}
