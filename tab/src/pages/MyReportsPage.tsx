import { Badge, TableCell, TableRow } from '@fluentui/react-components';
import { ItemTable } from '../ItemTable.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { dateTime, statusLabel } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import type { MyReport } from '../../../src/incidents/cases.ts';

export default function MyReportsPage({ page }: PageProps) {
  const state = useApi<{ items: MyReport[] }>('/my-reports');
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="To report something, tell the bot in chat what happened, or type “report”."
      />
      <ItemTable
        label="My reports"
        state={state}
        loading="Loading your reports"
        empty="You have not reported anything."
        columns={['Reference', 'What happened', 'Status', 'Reported', 'Read by a safeguarding lead']}
        row={(r) => (
          <TableRow key={r.id}>
            <TableCell>{r.reference}</TableCell>
            <TableCell>{r.typeLabel}</TableCell>
            <TableCell>
              <Badge appearance="tint">{statusLabel(r.status)}</Badge>
            </TableCell>
            <TableCell>{dateTime(r.reportedAt)}</TableCell>
            <TableCell>{r.readAt ? dateTime(r.readAt) : 'Not yet'}</TableCell>
          </TableRow>
        )}
      />
    </section>
  );
}
