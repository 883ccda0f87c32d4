import {
  Badge,
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { ItemTable } from '../ItemTable.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseAttachment, type AttachmentData } from './CaseAttachment.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { date, dateTime, entryLabel, statusLabel } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';

interface CaseSummary {
  id: string;
  reference: string;
  typeLabel: string;
  status: string;
  urgent: boolean;
  possibleCrime: boolean;
  reportedAt: string;
}

interface CaseFile extends CaseSummary {
  etag: string;
  canHandle: boolean;
  outcome?: string;
  reporter: string;
  platform: string;
  occurredOn?: string;
  occurredTime?: string;
  riskArea: string;
  riskType: string;
  retentionCategory?: string;
  reviewOn?: string;
  procedure?: string[];
  chronology: { id: string; at: string; kind: string; by: string; text: string; data?: Record<string, unknown> }[];
}

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalM,
  },
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  entry: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  quote: { display: 'block', whiteSpace: 'pre-wrap', margin: `${tokens.spacingVerticalXS} 0` },
});

const FILTERS: Record<string, string> = {
  open: 'new,read,in-progress,referred',
  new: 'new',
  all: '',
};

function CaseList() {
  const styles = useStyles();
  const filterId = useId('filter');
  const [filter, setFilter] = useState('open');
  const state = useApi<{ items: CaseSummary[] }>(`/cases${FILTERS[filter] ? `?status=${FILTERS[filter]}` : ''}`);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Safeguarding cases" subtitle="Unread and urgent cases are listed first." />
      <div className={styles.filters}>
        <label htmlFor={filterId}>Show</label>
        <Select id={filterId} value={filter} onChange={(_, d) => setFilter(d.value)}>
          <option value="open">Open cases</option>
          <option value="new">Unread only</option>
          <option value="all">All cases</option>
        </Select>
      </div>
      <ItemTable
        label="Cases"
        state={state}
        loading="Loading cases"
        empty="There are no cases to show."
        columns={['Reference', 'What happened', 'Status', 'Reported']}
        row={(c) => (
          <TableRow key={c.id}>
            <TableCell>
              <Link href={`#/cases/${encodeURIComponent(c.id)}`}>{c.reference}</Link>
            </TableCell>
            <TableCell>
              {c.typeLabel} {c.urgent && <Badge color="danger">Urgent</Badge>}{' '}
              {c.possibleCrime && <Badge color="warning">Possible crime</Badge>}
            </TableCell>
            <TableCell>
              <Badge appearance={c.status === 'new' ? 'filled' : 'tint'}>{statusLabel(c.status)}</Badge>
            </TableCell>
            <TableCell>{dateTime(c.reportedAt)}</TableCell>
          </TableRow>
        )}
      />
    </section>
  );
}

function CaseDetail({ id }: { id: string }) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const { data: c, error } = useApi<CaseFile>(`/cases/${encodeURIComponent(id)}?v=${version}`);
  if (error) return <ErrorNotice error={error} />;
  if (!c) return <Spinner label="Opening the case" />;
  return (
    <article aria-labelledby="page-title">
      <Link href="#/cases">All cases</Link>
      <PageHeader title={`Case ${c.reference}`} subtitle={c.typeLabel} />
      <div className={styles.badges}>
        <Badge appearance="filled">{statusLabel(c.status)}</Badge>
        {c.urgent && <Badge color="danger">Urgent</Badge>}
        {c.possibleCrime && <Badge color="warning">Possible crime</Badge>}
      </div>
      {c.procedure && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This may be a crime: follow the school's procedure</MessageBarTitle>
            <ol>
              {c.procedure.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts}>
        <dt>Reported by</dt>
        <dd>{c.reporter}</dd>
        <dt>Reported</dt>
        <dd>{dateTime(c.reportedAt)}</dd>
        <dt>When it happened</dt>
        <dd>
          {c.occurredOn
            ? `${date(c.occurredOn)}${c.occurredTime ? `, ${c.occurredTime}` : ', time not known'}`
            : 'Not given'}
        </dd>
        <dt>Platform</dt>
        <dd>{c.platform}</dd>
        <dt>Online risk</dt>
        <dd>
          {c.riskArea} / {c.riskType}
        </dd>
        <dt>Retention</dt>
        <dd>
          {c.retentionCategory ?? '—'}, review on {date(c.reviewOn)}
        </dd>
      </dl>
      <Text as="h2" size={500} weight="semibold">
        Chronology
      </Text>
      <ol aria-label="Chronology" style={{ listStyle: 'none', padding: 0 }}>
        {c.chronology.map((e) => (
          <li key={e.id} className={styles.entry}>
            <Text block weight="semibold">
              {entryLabel(e.kind)}: {dateTime(e.at)}, {e.by}
            </Text>
            {e.text && (
              <Body1 as="p" className={styles.quote}>
                {e.text}
              </Body1>
            )}
            {e.kind === 'attachment' && e.data && (
              <CaseAttachment caseId={c.id} file={e.data as unknown as AttachmentData} />
            )}
            {e.kind === 'report' && e.data && (
              <dl className={styles.facts}>
                <dt>People involved</dt>
                <dd>{String(e.data.people ?? '')}</dd>
                <dt>Done so far</dt>
                <dd>{String(e.data.actionsTaken || '—')}</dd>
                <dt>Told a DSL in person</dt>
                <dd>{e.data.toldDsl ? 'Yes' : 'No'}</dd>
              </dl>
            )}
          </li>
        ))}
      </ol>
      {c.canHandle && (
        <CaseActions key={c.etag} id={c.id} etag={c.etag} status={c.status} onDone={() => setVersion((v) => v + 1)} />
      )}
    </article>
  );
}

export default function CasesPage({ param }: PageProps) {
  return param ? <CaseDetail id={param} /> : <CaseList />;
}
