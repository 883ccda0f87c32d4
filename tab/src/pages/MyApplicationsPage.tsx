import { Badge, Button, TableCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api.ts';
import { ItemTable } from '../ItemTable.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { dateTime } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { ApplicationForm, type Application } from './ApplicationForm.tsx';

const STATUS: Record<string, [string, 'brand' | 'success' | 'danger' | 'warning' | 'informative']> = {
  draft: ['Draft', 'informative'],
  submitted: ['Waiting for SLT', 'brand'],
  'changes-requested': ['Changes requested', 'warning'],
  approved: ['Approved', 'success'],
  rejected: ['Rejected', 'danger'],
  withdrawn: ['Withdrawn', 'informative'],
  expired: ['Expired', 'informative'],
};

/** The applicant's own applications: start one, carry on with a draft, withdraw while pending. */
export default function MyApplicationsPage({ page }: PageProps) {
  const [editing, setEditing] = useState<Application | 'new'>();
  const state = useApi<{ items: Application[] }>(`/applications/mine`);
  const reload = () => {
    setEditing(undefined);
    state.reload();
  };
  if (editing) {
    return (
      <section aria-labelledby="page-title">
        <PageHeader
          title={editing === 'new' ? 'New official account' : `Application: ${editing.accountName || 'untitled'}`}
          subtitle="Your answers are saved as a draft as you type. SLT decides; you will get a message in Teams."
        />
        <ApplicationForm initial={editing === 'new' ? undefined : editing} onDone={reload} />
      </section>
    );
  }
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={page.title} subtitle="Apply for an official school account and follow its approval." />
      <Button appearance="primary" onClick={() => setEditing('new')}>
        New application
      </Button>
      <ItemTable
        label="My applications"
        state={state}
        loading="Loading your applications"
        empty="You have not applied for an account."
        columns={['Account', 'Platform', 'Status', 'Started', '']}
        row={(a) => {
          const [label, color] = STATUS[a.status] ?? [a.status, 'informative'];
          return (
            <TableRow key={a.id}>
              <TableCell>{a.accountName || 'Untitled draft'}</TableCell>
              <TableCell>{a.platform ?? '—'}</TableCell>
              <TableCell>
                <Badge color={color}>{label}</Badge>
              </TableCell>
              <TableCell>{dateTime(a.createdAt)}</TableCell>
              <TableCell>
                {(a.status === 'draft' || a.status === 'changes-requested') && (
                  <Button size="small" onClick={() => setEditing(a)}>
                    Continue
                  </Button>
                )}
                {(a.status === 'draft' || a.status === 'submitted' || a.status === 'changes-requested') && (
                  <Button
                    size="small"
                    onClick={() =>
                      void api(`/applications/${a.id}/withdraw`, { method: 'POST', body: { etag: a.etag } }).then(
                        reload,
                      )
                    }
                  >
                    Withdraw
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        }}
      />
    </section>
  );
}
