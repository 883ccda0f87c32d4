import { TableScroll } from '../TableScroll.tsx';
import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { undeliveredMessages } from '../../../src/notifications/deliveries.ts';
import { api } from '../api.ts';
import { ErrorNotice, SuccessNotice } from '../ErrorNotice.tsx';
import { dateTime } from '../format.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';

type Delivery = Awaited<ReturnType<typeof undeliveredMessages>>[number];

/**
 * Messages that have not reached their person: to whom, what kind (never what they say), why,
 * and a way to try again now. A message is never dropped in silence; it waits here.
 */
export default function DeliveriesPage({ page }: PageProps) {
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<Error>();
  const state = useApi<{ items: Delivery[] }>('/deliveries');

  const retry = async (item: Delivery) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await api(`/deliveries/${encodeURIComponent(item.id)}/retry`, { method: 'POST' });
      setNotice(`Trying again now: ${item.kind} to ${item.to}.`);
      state.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Messages the hub could not deliver yet. Each is retried on its own; press Try again once the reason is fixed."
      />
      {notice && <SuccessNotice message={notice} />}
      {(error ?? state.error) && <ErrorNotice error={(error ?? state.error)!} />}
      {!state.data && !state.error && <Spinner label="Loading undelivered messages" />}
      {state.data?.items.length === 0 && <Text>Everything has been delivered.</Text>}
      {state.data && state.data.items.length > 0 && (
        <TableScroll label="Undelivered messages">
          <Table aria-label="Undelivered messages" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>To</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>Why it has not arrived</TableHeaderCell>
                <TableHeaderCell>Attempts</TableHeaderCell>
                <TableHeaderCell>Next try</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.data.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{item.to}</TableCell>
                  <TableCell>{item.kind}</TableCell>
                  <TableCell>{item.reason}</TableCell>
                  <TableCell>{item.attempts}</TableCell>
                  <TableCell>
                    {item.status === 'gave-up' ? (
                      <Badge color="danger">Stopped trying</Badge>
                    ) : (
                      dateTime(item.nextTryAt)
                    )}
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => void retry(item)}
                      aria-label={`Try again: ${item.kind} to ${item.to}`}
                    >
                      Try again
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
