import { TableScroll } from '../TableScroll.tsx';
import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, queryString } from '../api.ts';
import { DownloadButton } from '../DownloadButton.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { dateTime } from '../format.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { actionWords, recordWords } from '../../../src/domain/audit-words.ts';
import type { AuditEntry as Entry, AuditPage as Answer } from '../../../src/audit/audit-log.ts';

/** The scope filter's value for entries about the whole trust rather than one school. */
const WHOLE_TRUST = 'whole-trust';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalL,
  },
  detail: { fontSize: tokens.fontSizeBase200, minWidth: '12rem' },
  json: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 },
});

/** Who did what, and when: every change and every read of safeguarding detail. Read-only by design. */
export default function AuditPage({ page }: PageProps) {
  const styles = useStyles();
  const [filters, setFilters] = useState({ from: '', to: '', targetId: '', scope: '' });
  const [applied, setApplied] = useState(filters);
  const [entries, setEntries] = useState<Entry[]>();
  const [choices, setChoices] = useState<Answer['choices']>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<Error>();
  const { scope, ...rest } = applied;
  const query = queryString({
    ...rest,
    ...(scope === WHOLE_TRUST ? { wholeTrust: 'true' } : scope ? { schoolId: scope } : {}),
  });

  const load = async (after?: string) => {
    setError(undefined);
    try {
      const page = await api<Answer>(`/audit?${query}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
      setEntries((now) => (after ? [...(now ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
      setChoices(page.choices);
    } catch (err) {
      setError(err as Error);
    }
  };
  useEffect(() => {
    setEntries(undefined);
    void load();
    // Reload when the applied filters change; `load` reads them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Every change, and every read of safeguarding detail. Nobody can edit it."
      />
      <form
        className={styles.filters}
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        {choices && (choices.schools.length > 1 || choices.wholeTrust) && (
          <Field label="Whose records">
            <Select value={filters.scope} onChange={(_, d) => setFilters({ ...filters, scope: d.value })}>
              <option value="">{choices.schools.length > 1 ? 'All my schools' : choices.schools[0]?.name}</option>
              {choices.schools.length > 1 &&
                choices.schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              {choices.wholeTrust && <option value={WHOLE_TRUST}>The whole trust: imports, reminders, exports</option>}
            </Select>
          </Field>
        )}
        <Field label="From">
          <Input type="date" value={filters.from} onChange={(_, d) => setFilters({ ...filters, from: d.value })} />
        </Field>
        <Field label="To">
          <Input type="date" value={filters.to} onChange={(_, d) => setFilters({ ...filters, to: d.value })} />
        </Field>
        <Field label="Record id" hint="A case, application, account or person id">
          <Input value={filters.targetId} onChange={(_, d) => setFilters({ ...filters, targetId: d.value.trim() })} />
        </Field>
        <Button type="submit" appearance="primary">
          Show
        </Button>
        <DownloadButton key={query} path={`/audit/export.csv?${query}`} label="Export CSV" fileName="audit.csv" />
      </form>
      {error && <ErrorNotice error={error} />}
      {!entries && !error && <Spinner label="Loading the audit log" />}
      {entries && entries.length === 0 && <Text>Nothing matches.</Text>}
      {entries && entries.length > 0 && (
        <TableScroll label="Audit log">
          <Table aria-label="Audit log" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Who</TableHeaderCell>
                <TableHeaderCell>Did what</TableHeaderCell>
                <TableHeaderCell>To which record</TableHeaderCell>
                <TableHeaderCell>Details</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{dateTime(e.at)}</TableCell>
                  <TableCell>{e.actorName}</TableCell>
                  <TableCell>{actionWords(e.action)}</TableCell>
                  <TableCell>
                    {recordWords(e.targetKind)} {e.targetId}
                  </TableCell>
                  <TableCell className={styles.detail}>
                    {/* The codes and data as recorded, for searching and for support; folded away by default. */}
                    <details>
                      <summary>Details</summary>
                      <code>{e.action}</code>
                      {e.detail && <pre className={styles.json}>{JSON.stringify(e.detail, null, 2)}</pre>}
                    </details>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {cursor && <Button onClick={() => void load(cursor)}>Show older entries</Button>}
    </section>
  );
}
