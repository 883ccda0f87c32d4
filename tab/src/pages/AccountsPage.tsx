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
import { date, todayInUk } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import type { RegisterAccount as Account } from '../../../src/accounts/accounts.ts';
import type { AccountCredential as Credential } from '../../../src/ports.ts';
import { AccountForm, type CreationTask } from './AccountForm.tsx';
import { CloseDialog, CredentialDialog, TransferDialog } from './accounts/ManageDialogs.tsx';

const STATUS: Record<Account['status'], [string, 'success' | 'warning' | 'informative']> = {
  active: ['Active', 'success'],
  'transfer-needed': ['Handover needed', 'warning'],
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
  badge: { whiteSpace: 'nowrap' },
  manage: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
});

/** What the address asks for: `?create=<application>` from the creation task card, `?handover=<account>` from the handover card. */
const requested = (key: 'create' | 'handover') =>
  new URLSearchParams(window.location.hash.split('?')[1] ?? '').get(key) ?? undefined;

type Managing = { action: 'transfer' | 'credential' | 'close'; account: Account };

/** Where a handover stands: who is leaving, and which of its two steps are done. */
function HandoverSteps({ handover }: { handover: NonNullable<Account['handover']> }) {
  const leaving = handover.leavers.map((l) => l.name).join(', ');
  return (
    <Text block size={200}>
      {`Leaving: ${leaving}${handover.leavingOn ? ` (${date(handover.leavingOn)})` : ''}. `}
      {handover.transferredAt ? 'Handed over ✓. ' : 'To hand over. '}
      {handover.credentialRotatedAt
        ? `Password changed ✓ (${handover.credentialRotatedBy ?? ''}).`
        : 'Password still to be changed.'}
    </Text>
  );
}

/**
 * Copies one value to the clipboard, on this device only: the server is not told, and nothing is
 * kept, so the audit entry for revealing the details stays the one record.
 */
function CopyButton({ what, text }: { what: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={`Copy the ${what}`}
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

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
                <dd className={styles.secret}>
                  {credential.username} <CopyButton what="sign-in name" text={credential.username} />
                </dd>
                <dt>Password</dt>
                <dd className={styles.secret}>
                  {credential.password} <CopyButton what="password" text={credential.password} />
                </dd>
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
  const [creating, setCreating] = useState<string | undefined>(() => requested('create'));
  const [handingOver, setHandingOver] = useState<string | undefined>(() => requested('handover'));
  const [managing, setManaging] = useState<Managing>();
  const [revealing, setRevealing] = useState<Account>();
  const register = useApi<{ items: Account[] }>(`/accounts`);
  const tasks = useApi<{ items: CreationTask[] }>(`/accounts/tasks`);
  const reload = () => {
    register.reload();
    tasks.reload();
  };
  const task = tasks.data?.items.find((t) => t.applicationId === creating);
  // The handover card's link opens the handover itself, once the register has loaded.
  useEffect(() => {
    const account = register.data?.items.find((a) => a.id === handingOver && a.canManage);
    if (account) {
      setManaging({ action: 'transfer', account });
      setHandingOver(undefined);
    }
  }, [register.data, handingOver]);
  const managed = (saved: boolean) => {
    setManaging(undefined);
    if (saved) reload();
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
            reload();
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
                <Badge className={styles.badge} color={color}>
                  {label}
                </Badge>
                {a.handover && <HandoverSteps handover={a.handover} />}
                {a.closedOn && <Text block size={200}>{`${date(a.closedOn)}: ${a.closedReason ?? ''}`}</Text>}
              </TableCell>
              <TableCell>{a.lead.name}</TableCell>
              <TableCell>{a.moderators.map((m) => m.name).join(', ')}</TableCell>
              <TableCell>{date(a.createdOn)}</TableCell>
              <TableCell>{a.application?.accountName ?? '—'}</TableCell>
              <TableCell>
                <div className={styles.manage}>
                  {a.canReveal && (
                    <Button size="small" onClick={() => setRevealing(a)}>
                      Reveal sign-in
                    </Button>
                  )}
                  {a.canManage && a.status !== 'closed' && (
                    <>
                      <Button
                        size="small"
                        appearance={a.handover && !a.handover.transferredAt ? 'primary' : 'secondary'}
                        aria-label={`Hand over ${a.handle}`}
                        onClick={() => setManaging({ action: 'transfer', account: a })}
                      >
                        Hand over
                      </Button>
                      <Button
                        size="small"
                        appearance={a.handover && !a.handover.credentialRotatedAt ? 'primary' : 'secondary'}
                        aria-label={`Change sign-in details of ${a.handle}`}
                        onClick={() => setManaging({ action: 'credential', account: a })}
                      >
                        Change sign-in details
                      </Button>
                      <Button
                        size="small"
                        aria-label={`Close account ${a.handle}`}
                        onClick={() => setManaging({ action: 'close', account: a })}
                      >
                        Close account
                      </Button>
                    </>
                  )}
                </div>
              </TableCell>
            </TableRow>
          );
        }}
      />
      {managing?.action === 'transfer' && <TransferDialog account={managing.account} onClose={managed} />}
      {managing?.action === 'credential' && <CredentialDialog account={managing.account} onClose={managed} />}
      {managing?.action === 'close' && <CloseDialog account={managing.account} today={todayInUk()} onClose={managed} />}
      {revealing && <RevealDialog account={revealing} onClose={() => setRevealing(undefined)} />}
    </section>
  );
}
