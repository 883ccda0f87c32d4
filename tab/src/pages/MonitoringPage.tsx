import { asSentence } from '../../../src/domain/sentence.ts';
import type { MonitoringRow as Row } from '../../../src/accounts/monitoring.ts';
import {
  Badge,
  Body1,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorNotice, SuccessNotice } from '../ErrorNotice.tsx';
import { date, dateTime } from '../format.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { ReviewDialog } from './accounts/ManageDialogs.tsx';
import { Rota } from './monitoring/Rota.tsx';
import { MonitoringSettings } from './monitoring/MonitoringSettings.tsx';
import { useShell } from '../shell-context.ts';

const OUTCOMES: Record<string, string> = {
  'nothing-needed': 'Checked, nothing needing a reply',
  replied: 'Replied to comments',
  'hidden-or-deleted': 'Hid or deleted comments',
  escalated: 'Escalated: something needs reporting',
};

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalL },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  items: { margin: 0, paddingInlineStart: '1.2em' },
  badges: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, marginInlineStart: tokens.spacingHorizontalS },
});

/** A datetime-local value for now, on the viewer's clock. */
const nowForInput = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Log a check-in, and the comments that need a reply, for one account this person moderates. */
function CheckInForm({ row, onDone }: { row: Row; onDone: (message: string) => void }) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState('nothing-needed');
  const [count, setCount] = useState('0');
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState('');
  const [arrivedAt, setArrivedAt] = useState(nowForInput);
  const [error, setError] = useState<Error>();
  const run = async (work: () => Promise<string>) => {
    setError(undefined);
    try {
      onDone(await work());
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <>
      <form
        className={styles.form}
        aria-label={`Check-in for ${row.handle}`}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await api(`/accounts/${encodeURIComponent(row.accountId)}/check-ins`, {
              method: 'POST',
              body: { outcome, count: Number(count) || 0, note },
            });
            return outcome === 'escalated'
              ? `${row.handle}: check-in recorded. The incident report form, already about this account, is waiting in your chat with the bot.`
              : `${row.handle}: check-in recorded.`;
          });
        }}
      >
        <Field label="What you did">
          <Select value={outcome} onChange={(_, d) => setOutcome(d.value)}>
            {Object.entries(OUTCOMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        {(outcome === 'replied' || outcome === 'hidden-or-deleted') && (
          <Field label="How many">
            <Input type="number" min={0} value={count} onChange={(_, d) => setCount(d.value)} />
          </Field>
        )}
        {outcome === 'hidden-or-deleted' && (
          <Field label="Why" required>
            <Input value={note} onChange={(_, d) => setNote(d.value)} />
          </Field>
        )}
        {outcome === 'escalated' && (
          <Field label="What happened" hint="It starts your incident report; no pupils’ names here">
            <Input value={note} onChange={(_, d) => setNote(d.value)} />
          </Field>
        )}
        <Button type="submit" appearance="primary">
          Record check-in
        </Button>
      </form>
      <form
        className={styles.form}
        aria-label={`Needs a reply on ${row.handle}`}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const item = await api<{ dueAt: string }>(`/accounts/${encodeURIComponent(row.accountId)}/reply-items`, {
              method: 'POST',
              body: { arrivedAt: new Date(arrivedAt).toISOString(), summary },
            });
            setSummary('');
            setArrivedAt(nowForInput());
            return `${row.handle}: reply due by ${dateTime(item.dueAt)}.`;
          });
        }}
      >
        <Field label="Something needs a reply" hint="A few words, no pupils’ names">
          <Input value={summary} onChange={(_, d) => setSummary(d.value)} />
        </Field>
        <Field label="When it arrived">
          <Input
            type="datetime-local"
            max={nowForInput()}
            value={arrivedAt}
            onChange={(_, d) => setArrivedAt(d.value)}
          />
        </Field>
        <Button type="submit" disabled={!summary.trim()}>
          Log it
        </Button>
      </form>
      {error && <ErrorNotice error={error} />}
    </>
  );
}

/** Each official account's monitoring: the last check-in, replies due, and what is overdue first. */
export default function MonitoringPage({ page, schoolId }: PageProps) {
  const styles = useStyles();
  const { me } = useShell();
  const oversees = me.roles.includes('SLT') || me.roles.includes('Admin');
  const state = useApi<{ items: Row[] }>(`/monitoring`);
  const [notice, setNotice] = useState<string>();
  const [reviewing, setReviewing] = useState<Row>();
  const done = (message: string) => {
    setNotice(message);
    state.reload();
  };
  const replied = async (row: Row, itemId: string) => {
    await api(`/reply-items/${encodeURIComponent(itemId)}/replied`, { method: 'POST' });
    done(`${row.handle}: marked as replied.`);
  };
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Reply to comments within 24 hours, or by the end of the next working day if they arrive when school is shut."
      />
      {notice && <SuccessNotice message={notice} />}
      {state.error && <ErrorNotice error={state.error} />}
      {!state.data && !state.error && <Spinner label="Loading accounts" />}
      {state.data?.items.length === 0 && <Body1>You do not monitor any official accounts.</Body1>}
      <div className={styles.list}>
        {state.data?.items.map((row) => {
          const overdue = row.openItems.filter((i) => i.overdue).length;
          return (
            <Card key={row.accountId} aria-label={row.handle}>
              <CardHeader
                header={
                  <Text weight="semibold" size={500}>
                    {row.handle}
                    <span className={styles.badges}>
                      {overdue > 0 && <Badge color="danger">{overdue} overdue</Badge>}
                      {row.handoverNeeded && <Badge color="warning">Handover needed</Badge>}
                      {row.review?.due && <Badge color="informative">Review due</Badge>}
                    </span>
                  </Text>
                }
                description={
                  <Body1>
                    {row.platform}, led by {row.leadName}.{' '}
                    {row.lastCheckIn
                      ? asSentence(
                          `Last checked ${dateTime(row.lastCheckIn.at)} by ${row.lastCheckIn.byName}: ${OUTCOMES[row.lastCheckIn.outcome] ?? row.lastCheckIn.outcome}`,
                        )
                      : 'Not checked yet.'}
                  </Body1>
                }
              />
              {row.openItems.length > 0 && (
                <ul className={styles.items} aria-label={`Replies due on ${row.handle}`}>
                  {row.openItems.map((i) => (
                    <li key={i.id}>
                      {i.summary}: due {dateTime(i.dueAt)}{' '}
                      {i.overdue && (
                        <Badge color="danger" appearance="tint">
                          Overdue
                        </Badge>
                      )}{' '}
                      {row.youMonitor && (
                        <Button size="small" onClick={() => void replied(row, i.id)}>
                          Mark as replied
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {row.youMonitor && <CheckInForm row={row} onDone={done} />}
              {(row.youMonitor || row.rota.length > 0) && (
                <Rota
                  accountId={row.accountId}
                  handle={row.handle}
                  etag={row.etag}
                  canEdit={row.canEditRota}
                  monitors={row.monitors}
                  rota={row.rota}
                  onSaved={done}
                />
              )}
              {row.review && (
                <div>
                  <Text size={200}>
                    {row.review.last ? `Last reviewed ${dateTime(row.review.last.at)}. ` : 'Not reviewed yet. '}
                    {row.review.due
                      ? row.review.reason === 'policy-changed'
                        ? 'Due now: the policy has changed since.'
                        : 'The yearly review is due.'
                      : `Next review due ${date(row.review.dueOn)}.`}
                  </Text>{' '}
                  {row.etag && (
                    <Button
                      size="small"
                      appearance={row.review.due ? 'primary' : 'secondary'}
                      onClick={() => setReviewing(row)}
                    >
                      {`Review ${row.handle}`}
                    </Button>
                  )}
                </div>
              )}
            </Card>
          );
        })}
      </div>
      {oversees && <MonitoringSettings schoolId={schoolId} />}
      {reviewing && (
        <ReviewDialog
          account={{ id: reviewing.accountId, etag: reviewing.etag ?? '', handle: reviewing.handle }}
          reason={reviewing.review?.reason}
          onClose={(saved) => {
            setReviewing(undefined);
            if (saved) done(`${reviewing.handle}: review recorded.`);
          }}
        />
      )}
    </section>
  );
}
