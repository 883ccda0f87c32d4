import {
  Badge,
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Select,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { ItemTable } from '../ItemTable.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { date } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { AccountForm, type CreationTask } from './AccountForm.tsx';

interface Account {
  id: string;
  etag: string;
  platform: string;
  handle: string;
  url: string;
  status: 'active' | 'transfer-needed' | 'closed';
  createdOn: string;
  lead: { id: string; name: string };
  moderators: { id: string; name: string }[];
  application?: { id: string; accountName: string };
  hasCredential: boolean;
  canManage: boolean;
}

interface Credential {
  username: string;
  password: string;
  notes: string;
}

const STATUS: Record<Account['status'], [string, 'success' | 'warning' | 'informative']> = {
  active: ['Active', 'success'],
  'transfer-needed': ['Transfer needed', 'warning'],
  closed: ['Closed', 'informative'],
};

/** Sign-in details stay on screen briefly, then hide themselves. */
const REVEAL_SECONDS = 60;

const useStyles = makeStyles({
  tasks: { display: 'grid', gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalL },
  task: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  secret: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  // Handles are one long word; they wrap inside their column rather than run into the next.
  handle: { overflowWrap: 'anywhere' },
  manage: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
  // Fluent's Select is wider than a table cell by default.
  statusSelect: { minWidth: 0, width: '100%' },
});

/** The approved application named in the address (`#/accounts?create=<id>`), from the task card. */
const requestedTask = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('create') ?? undefined;

function RevealDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const styles = useStyles();
  const [credential, setCredential] = useState<Credential>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    api<Credential>(`/accounts/${account.id}/credential/reveal`, { method: 'POST' }).then(setCredential, setError);
    const timer = setTimeout(onClose, REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [account.id, onClose]);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Sign-in details: ${account.handle}`}</DialogTitle>
          <DialogContent>
            {error && <ErrorNotice error={error} />}
            {!credential && !error && <Body1>Fetching…</Body1>}
            {credential && (
              <dl>
                <dt>Sign-in name</dt>
                <dd className={styles.secret}>{credential.username}</dd>
                <dt>Password</dt>
                <dd className={styles.secret}>{credential.password}</dd>
                {credential.notes && (
                  <>
                    <dt>Recovery notes</dt>
                    <dd>{credential.notes}</dd>
                  </>
                )}
              </dl>
            )}
            <Text size={200}>{`This view was recorded, and closes by itself after ${REVEAL_SECONDS} seconds.`}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Hide
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Official accounts. Administrators see what SLT has approved and is waiting to be created,
 * record each account, and reveal or update sign-in details; everyone sees the register.
 */
export default function AccountsPage({ page }: PageProps) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState<string | undefined>(requestedTask);
  const [revealing, setRevealing] = useState<Account>();
  const [problem, setProblem] = useState<Error>();
  const register = useApi<{ items: Account[] }>(`/accounts?v=${version}`);
  const tasks = useApi<{ items: CreationTask[] }>(`/accounts/tasks?v=${version}`);
  const task = tasks.data?.items.find((t) => t.applicationId === creating);

  const setStatus = async (account: Account, status: string) => {
    setProblem(undefined);
    try {
      await api(`/accounts/${account.id}`, { method: 'PATCH', body: { etag: account.etag, status } });
    } catch (err) {
      setProblem(err as Error);
    }
    setVersion((v) => v + 1);
  };

  if (task) {
    return (
      <section aria-labelledby="page-title">
        <PageHeader
          title={`Record the account: ${task.accountName}`}
          subtitle={`Approved for ${task.platform}. Applied for by ${task.applicantName}.`}
        />
        <AccountForm
          task={task}
          onDone={() => {
            setCreating(undefined);
            setVersion((v) => v + 1);
          }}
        />
      </section>
    );
  }

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Every official account of the school, who leads it and who moderates it."
      />
      {(tasks.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="tasks-title" className={styles.tasks}>
          <h2 id="tasks-title">Approved, waiting to be created</h2>
          {tasks.data!.items.map((t) => (
            <div key={t.applicationId} className={styles.task}>
              <Text weight="semibold">{t.accountName}</Text>
              <Text>{`${t.platform}, applied for by ${t.applicantName}`}</Text>
              <Button appearance="primary" onClick={() => setCreating(t.applicationId)}>
                {`Record ${t.accountName}`}
              </Button>
            </div>
          ))}
        </section>
      )}
      {problem && <ErrorNotice error={problem} />}
      <h2>Register</h2>
      <ItemTable
        label="Account register"
        state={register}
        loading="Loading the register"
        empty="The school has no official accounts recorded yet."
        columns={['Account', 'Platform', 'Status', 'Lead', 'Moderators', 'Created', 'From application', '']}
        row={(a) => {
          const [label, color] = STATUS[a.status];
          return (
            <TableRow key={a.id}>
              <TableCell>
                <Link className={styles.handle} href={a.url} target="_blank" rel="noopener noreferrer">
                  {a.handle}
                </Link>
              </TableCell>
              <TableCell>{a.platform}</TableCell>
              <TableCell>
                <Badge color={color}>{label}</Badge>
              </TableCell>
              <TableCell>{a.lead.name}</TableCell>
              <TableCell>{a.moderators.map((m) => m.name).join(', ')}</TableCell>
              <TableCell>{date(a.createdOn)}</TableCell>
              <TableCell>{a.application?.accountName ?? '—'}</TableCell>
              <TableCell>
                {a.canManage && (
                  <div className={styles.manage}>
                    {a.hasCredential && (
                      <Button size="small" onClick={() => setRevealing(a)}>
                        Reveal sign-in
                      </Button>
                    )}
                    <Select
                      className={styles.statusSelect}
                      size="small"
                      aria-label={`Status of ${a.handle}`}
                      value={a.status}
                      onChange={(_, d) => void setStatus(a, d.value)}
                    >
                      <option value="active">Active</option>
                      <option value="transfer-needed">Transfer needed</option>
                      <option value="closed">Closed</option>
                    </Select>
                  </div>
                )}
              </TableCell>
            </TableRow>
          );
        }}
      />
      {revealing && <RevealDialog account={revealing} onClose={() => setRevealing(undefined)} />}
    </section>
  );
}
