import type { PendingDeclaration as Declaration } from '../../../../src/training/training-records.ts';
import { Button, TableCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../ErrorNotice.tsx';
import { date } from '../../format.ts';
import { ItemTable } from '../../ItemTable.tsx';
import { useApi } from '../../useApi.ts';

/** Staff's own "I have done this course", waiting for HR to accept or reject. */
export function Declarations({ version, onChanged }: { version: number; onChanged: () => void }) {
  const state = useApi<{ items: Declaration[] }>(`/training/declarations`, version);
  const [error, setError] = useState<Error>();
  const review = async (d: Declaration, outcome: 'accepted' | 'rejected') => {
    setError(undefined);
    try {
      await api(`/training/declarations/${encodeURIComponent(d.id)}/review`, {
        method: 'POST',
        body: { etag: d.etag, outcome },
      });
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <>
      {error && <ErrorNotice error={error} />}
      <ItemTable
        label="Completions waiting for your check"
        state={state}
        loading="Loading completions to check"
        empty="No completions are waiting for your check."
        columns={['Member of staff', 'Course', 'Completed', 'Declared', 'Check']}
        row={(d) => (
          <TableRow key={d.id}>
            <TableCell>{d.personName}</TableCell>
            <TableCell>{d.courseTitle}</TableCell>
            <TableCell>{date(d.completedOn)}</TableCell>
            <TableCell>{date(d.declaredAt)}</TableCell>
            <TableCell>
              <Button size="small" appearance="primary" onClick={() => void review(d, 'accepted')}>
                Accept
              </Button>{' '}
              <Button size="small" onClick={() => void review(d, 'rejected')}>
                Reject
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
