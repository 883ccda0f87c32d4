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
  Field,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { DownloadButton } from '../DownloadButton.tsx';
import { ItemTable } from '../ItemTable.tsx';
import { CaseActions } from './CaseActions.tsx';
import { harmLabel } from '../../../src/domain/incidents/harms.ts';
import { CaseAttachment, type AttachmentData } from './CaseAttachment.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { date, dateTime, entryLabel, statusLabel } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { useShell } from '../shell-context.ts';
import { INCIDENT_TYPES, INCIDENT_TYPE_IDS } from '../../../src/domain/incidents/catalogue.ts';
import type { CaseFile, CaseSummary } from '../../../src/incidents/cases.ts';
import { referralLine } from '../../../src/domain/incidents/agencies.ts';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
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

const STATUS_FILTERS: Record<string, string> = {
  open: 'new,read,in-progress,referred',
  new: 'new',
  all: '',
};

const AGE_FILTERS: Record<string, [string, string]> = {
  any: ['Any age', ''],
  day: ['Reported in the last day', 'maxAgeDays=1'],
  week: ['Reported in the last 7 days', 'maxAgeDays=7'],
  stale: ['Reported more than 7 days ago', 'minAgeDays=7'],
  old: ['Reported more than 30 days ago', 'minAgeDays=30'],
};

interface Filters {
  status: string;
  type: string;
  urgent: string;
  age: string;
  assignee: string;
  schoolId: string;
}

function casesQuery(f: Filters, myId: string): string {
  const q = new URLSearchParams();
  if (STATUS_FILTERS[f.status]) q.set('status', STATUS_FILTERS[f.status]!);
  if (f.type) q.set('type', f.type);
  if (f.urgent) q.set('urgent', 'true');
  if (f.assignee) q.set('assignee', f.assignee === 'me' ? myId : f.assignee);
  if (f.schoolId) q.set('schoolId', f.schoolId);
  const age = AGE_FILTERS[f.age]?.[1];
  const query = [q.toString(), age].filter(Boolean).join('&');
  return query ? `?${query}` : '';
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {options.map(([v, title]) => (
          <option key={v} value={v}>
            {title}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function CaseList() {
  const styles = useStyles();
  const { me } = useShell();
  const [filters, setFilters] = useState<Filters>({
    status: 'open',
    type: '',
    urgent: '',
    age: 'any',
    assignee: '',
    schoolId: '',
  });
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const state = useApi<{ items: CaseSummary[] }>(`/cases${casesQuery(filters, me.person.id)}`);
  const schoolName = new Map(me.schools.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Safeguarding cases" subtitle="Unread and urgent cases are listed first." />
      <div className={styles.filters} role="group" aria-label="Filter cases">
        <FilterSelect
          label="Status"
          value={filters.status}
          onChange={set('status')}
          options={[
            ['open', 'Open cases'],
            ['new', 'Unread only'],
            ['all', 'All cases'],
          ]}
        />
        {me.schools.length > 1 && (
          <FilterSelect
            label="School"
            value={filters.schoolId}
            onChange={set('schoolId')}
            options={[['', 'All my schools'], ...me.schools.map((s): [string, string] => [s.id, s.name])]}
          />
        )}
        <FilterSelect
          label="What happened"
          value={filters.type}
          onChange={set('type')}
          options={[
            ['', 'Any type'],
            ...INCIDENT_TYPE_IDS.map((id): [string, string] => [id, INCIDENT_TYPES[id].label]),
          ]}
        />
        <FilterSelect
          label="Urgency"
          value={filters.urgent}
          onChange={set('urgent')}
          options={[
            ['', 'Any'],
            ['true', 'Urgent only'],
          ]}
        />
        <FilterSelect
          label="Age"
          value={filters.age}
          onChange={set('age')}
          options={Object.entries(AGE_FILTERS).map(([v, [title]]): [string, string] => [v, title])}
        />
        <FilterSelect
          label="Assigned to"
          value={filters.assignee}
          onChange={set('assignee')}
          options={[
            ['', 'Anyone'],
            ['me', 'Me'],
            ['unassigned', 'Nobody yet'],
          ]}
        />
      </div>
      <ItemTable
        label="Cases"
        state={state}
        loading="Loading cases"
        empty="No cases match these filters."
        columns={[
          'Reference',
          'What happened',
          'Status',
          'Assigned to',
          'Reported',
          ...(me.schools.length > 1 ? ['School'] : []),
        ]}
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
            <TableCell>{c.assignee ?? '—'}</TableCell>
            <TableCell>{dateTime(c.reportedAt)}</TableCell>
            {me.schools.length > 1 && <TableCell>{schoolName.get(c.schoolId) ?? c.schoolId}</TableCell>}
          </TableRow>
        )}
      />
    </section>
  );
}

function CaseDetail({ id }: { id: string }) {
  const styles = useStyles();
  const { data: c, error, reload } = useApi<CaseFile>(`/cases/${encodeURIComponent(id)}`);
  if (error) return <ErrorNotice error={error} />;
  if (!c) return <Spinner label="Opening the case" />;
  return (
    <article aria-labelledby="page-title">
      <Link href="#/cases">All cases</Link>
      <PageHeader title={`Case ${c.reference}`} subtitle={c.typeLabel} />
      <div className={styles.badges}>
        <DownloadButton
          path={`/cases/${encodeURIComponent(c.id)}/export`}
          label="Export chronology (Word)"
          fileName={`${c.reference} chronology.docx`}
        />
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
        <dt>Assigned to</dt>
        <dd>{c.assignee ?? 'Nobody yet'}</dd>
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
            {e.kind === 'referral' && e.data && (
              <Text block weight="semibold">
                Referred to {referralLine(e.data)}
              </Text>
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
                {Array.isArray(e.data.harms) && e.data.harms.length > 0 && (
                  <>
                    <dt>Read from the words</dt>
                    <dd>
                      {e.data.harms.map((h) => harmLabel(String(h))).join(', ')}
                      {e.data.harmsReadBy === 'model' && ' (a likely reading by the risk model: check the report)'}
                    </dd>
                  </>
                )}
                {Array.isArray(e.data.crimeIndicators) && e.data.crimeIndicators.length > 0 && (
                  <>
                    <dt>Possible offences</dt>
                    <dd>{e.data.crimeIndicators.map(String).join(', ')}</dd>
                  </>
                )}
              </dl>
            )}
          </li>
        ))}
      </ol>
      {c.canHandle && (
        <CaseActions
          id={c.id}
          latest={c.chronology.at(-1)}
          etag={c.etag}
          status={c.status}
          assigneeId={c.assigneeId}
          leads={c.assignableLeads}
          classification={{ type: c.type, riskArea: c.riskArea, riskType: c.riskType }}
          onDone={reload}
        />
      )}
    </article>
  );
}

export default function CasesPage({ param }: PageProps) {
  return param ? <CaseDetail id={param} /> : <CaseList />;
}
