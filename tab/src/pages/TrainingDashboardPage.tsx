import {
  Button,
  Field,
  SearchBox,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Suspense, lazy, useDeferredValue, useMemo, useState } from 'react';
import { filterRows, isOverdue, type DashboardFilters } from '../../../src/domain/training/dashboard.ts';
import { STATUS_LABELS, TRAINING_STATUSES, type TrainingStatus } from '../../../src/domain/training/status.ts';
import { ROLES, ROLE_LABELS, type Role } from '../../../src/domain/roles.ts';
import { api, queryString } from '../api.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DownloadButton } from '../DownloadButton.tsx';
import { ErrorNotice, SuccessNotice } from '../ErrorNotice.tsx';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { Courses } from './training/Courses.tsx';
import { Declarations } from './training/Declarations.tsx';
import { HeadlineFigures } from './training/HeadlineFigures.tsx';
import { ImportCompletions } from './training/ImportCompletions.tsx';
import { ImportStaff } from './training/ImportStaff.tsx';
import { PersonDialog } from './training/PersonDialog.tsx';
import { StaffTable } from './training/StaffTable.tsx';
import type { DashboardData, Row } from './training/types.ts';

// d3 and the chart library are the heaviest part of the page; the figures and table need not wait for them.
const ComplianceChart = lazy(() => import('./training/ComplianceChart.tsx'));

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  chart: { minHeight: '300px', marginBottom: tokens.spacingVerticalL },
});

type View = 'staff' | 'check' | 'courses';

interface ReminderResult {
  queued: number;
  alreadyRemindedToday: number;
  upToDate: number;
  noChat: number;
  spreadOverMinutes: number;
}

function reminderSummary(r: ReminderResult): string {
  const parts = [`${r.queued} reminder${r.queued === 1 ? '' : 's'} sent through the bot`];
  if (r.spreadOverMinutes > 0) parts.push(`spread over ${r.spreadOverMinutes + 1} minutes`);
  if (r.alreadyRemindedToday) parts.push(`${r.alreadyRemindedToday} already reminded today`);
  if (r.upToDate) parts.push(`${r.upToDate} already up to date`);
  if (r.noChat) parts.push(`${r.noChat} not reachable in Teams yet (they will see it in the hub)`);
  return `${parts.join('; ')}.`;
}

/** HR and SLT: who is trained and has read the policy, who is not, and chasing them. */
export default function TrainingDashboardPage({ page }: PageProps) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [view, setView] = useState<View>('staff');
  const { data, error } = useApi<DashboardData>(`/training/dashboard`, version);
  const [filters, setFilters] = useState<DashboardFilters>({});
  const deferredFilters = useDeferredValue(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Row>();
  const [importing, setImporting] = useState<'completions' | 'staff'>();
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const rows = useMemo(
    () => (data ? filterRows(data.columns, data.rows, deferredFilters) : []),
    [data, deferredFilters],
  );
  const departments = useMemo(
    () => [...new Set((data?.rows ?? []).map((r) => r.department))].sort((a, b) => a.localeCompare(b, 'en-GB')),
    [data],
  );
  const reload = () => setVersion((v) => v + 1);
  const closeImport = (imported: boolean) => {
    setImporting(undefined);
    if (imported) reload();
  };
  const set = (changes: Partial<DashboardFilters>) => setFilters((f) => ({ ...f, ...changes }));

  const [confirming, setConfirming] = useState(false);
  // The same rule as the server's (isOverdue), over the same schools, so the count is what will be sent.
  const overdueCount = (data?.rows ?? []).filter(
    (row) => (!filters.schoolId || row.schoolId === filters.schoolId) && isOverdue(row),
  ).length;
  const remind = async (body: { personIds?: string[]; everyoneOverdue?: boolean }) => {
    setBusy(true);
    setActionError(undefined);
    try {
      setNotice(
        reminderSummary(
          await api<ReminderResult>('/training/reminders', {
            method: 'POST',
            body: { ...body, ...(filters.schoolId ? { schoolId: filters.schoolId } : {}) },
          }),
        ),
      );
      setSelected(new Set());
      reload();
    } catch (err) {
      setActionError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Spinner label="Loading staff training" />;
  const selectedShown = rows.filter((r) => selected.has(r.personId)).map((r) => r.personId);
  const exportQuery = queryString({ ...filters });

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle={`${data.rows.length} staff at ${data.schools.map((s) => s.name).join(' and ')}. Statuses as of today.`}
      />
      <HeadlineFigures summary={data.summary} />
      <div className={styles.chart}>
        <Suspense fallback={<Spinner label="Drawing the chart" />}>
          <ComplianceChart groups={data.summary.byGroup} showSchool={data.schools.length > 1} />
        </Suspense>
      </div>

      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)}>
        <Tab value="staff">Staff</Tab>
        <Tab value="check">Completions to check</Tab>
        <Tab value="courses">Courses</Tab>
      </TabList>

      {view === 'check' ? (
        <Declarations version={version} onChanged={reload} />
      ) : view === 'courses' ? (
        <Courses schools={data.schools} onChanged={reload} />
      ) : (
        <>
          <div className={styles.filters} role="search" aria-label="Filter staff">
            <Field label="Search">
              <SearchBox
                value={filters.search ?? ''}
                placeholder="Name, email or job title"
                onChange={(_, d) => set({ search: d.value })}
              />
            </Field>
            {data.schools.length > 1 && (
              <Field label="School">
                <Select value={filters.schoolId ?? ''} onChange={(_, d) => set({ schoolId: d.value || undefined })}>
                  <option value="">All schools</option>
                  {data.schools.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label="Department">
              <Select value={filters.department ?? ''} onChange={(_, d) => set({ department: d.value || undefined })}>
                <option value="">All departments</option>
                {departments.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </Select>
            </Field>
            <Field label="Role">
              <Select value={filters.role ?? ''} onChange={(_, d) => set({ role: (d.value || undefined) as Role })}>
                <option value="">All roles</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Course">
              <Select
                value={filters.requirementId ?? ''}
                onChange={(_, d) => set({ requirementId: d.value || undefined })}
              >
                <option value="">Any requirement</option>
                {data.columns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Status">
              <Select
                value={filters.status ?? ''}
                onChange={(_, d) => set({ status: (d.value || undefined) as TrainingStatus })}
              >
                <option value="">Any status</option>
                {TRAINING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>

          <div className={styles.actions} role="toolbar" aria-label="Staff actions">
            <Button
              appearance="primary"
              disabled={busy || selectedShown.length === 0}
              onClick={() => void remind({ personIds: selectedShown })}
            >
              Remind selected ({selectedShown.length})
            </Button>
            <Button disabled={busy} onClick={() => setConfirming(true)}>
              Remind everyone overdue
            </Button>
            {confirming && (
              <ConfirmDialog
                title={
                  overdueCount === 1
                    ? 'Remind the 1 person who is overdue?'
                    : `Remind the ${overdueCount} people who are overdue?`
                }
                confirmLabel={`Send ${overdueCount} reminder${overdueCount === 1 ? '' : 's'}`}
                disabled={overdueCount === 0}
                onConfirm={() => {
                  setConfirming(false);
                  void remind({ everyoneOverdue: true });
                }}
                onCancel={() => setConfirming(false)}
              >
                Each gets one personal message in Teams saying what to do. Anyone already reminded today is skipped.
              </ConfirmDialog>
            )}
            <DownloadButton
              key={`csv-${exportQuery}`}
              path={`/training/export.csv?${exportQuery}`}
              label="Export CSV"
              fileName={`training-${data.today}.csv`}
            />
            <DownloadButton
              key={`xlsx-${exportQuery}`}
              path={`/training/export.xlsx?${exportQuery}`}
              label="Export Excel"
              fileName={`training-${data.today}.xlsx`}
            />
            <Button onClick={() => setImporting('completions')}>Import completions</Button>
            <Button onClick={() => setImporting('staff')}>Import staff list</Button>
          </div>
          {busy && <Spinner size="tiny" label="Sending reminders" />}
          {notice && <SuccessNotice message={notice} />}
          {actionError && <ErrorNotice error={actionError} />}
          <Text role="status" aria-live="polite" block>
            Showing {rows.length} of {data.rows.length} staff
          </Text>
          <StaffTable columns={data.columns} rows={rows} selected={selected} onSelect={setSelected} onOpen={setOpen} />
        </>
      )}
      {open && (
        <PersonDialog
          row={open}
          columns={data.columns}
          today={data.today}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) reload();
          }}
        />
      )}
      {importing === 'completions' && <ImportCompletions onClose={closeImport} />}
      {importing === 'staff' && <ImportStaff onClose={closeImport} />}
    </section>
  );
}
