import { Badge, Button, TableCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { ItemTable } from '../ItemTable.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { dateTime } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';
import { PointToPassage } from './PointToPassage.tsx';
import type { GapQuestion as Question } from '../../../src/policy/questions.ts';

function state(q: Question) {
  if (q.pointer) return <Badge color="success">Answered by the policy</Badge>;
  if (q.status === 'asked-slt') return <Badge color="warning">Waiting for SLT</Badge>;
  if (q.answer) return <Badge color="success">Answered by {q.answeredBy}</Badge>;
  if (q.feedback === 'not-helpful') return <Badge color="danger">Answer not helpful</Badge>;
  return <Badge appearance="tint">Not in the policy</Badge>;
}

/**
 * Where the policy falls short: what staff asked that it did not answer well. A senior leader can
 * point each question to the passage that does answer it, so the bot learns the staff's wording.
 */
export default function QuestionsPage({ page, schoolId }: PageProps) {
  const [pointing, setPointing] = useState<Question>();
  const [problem, setProblem] = useState<Error>();
  const questions = useApi<{ items: Question[] }>(`/questions?schoolId=${encodeURIComponent(schoolId)}`);
  const takeBack = async (q: Question) => {
    setProblem(undefined);
    try {
      await api(`/questions/${encodeURIComponent(q.id)}/pointer`, { method: 'DELETE' });
      questions.reload();
    } catch (err) {
      setProblem(err as Error);
    }
  };
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Questions the policy did not answer, or answered unhelpfully. Answer waiting ones on their card in the SLT channel, point a question to the passage that answers it, and use the rest when the policy is next reviewed."
      />
      {problem && <ErrorNotice error={problem} />}
      <ItemTable
        label="Policy questions"
        state={questions}
        loading="Loading questions"
        empty="No gaps: every question so far was answered by the policy."
        columns={['Question', 'Asked by', 'Asked', 'State', 'Policy passage']}
        row={(q) => (
          <TableRow key={q.id}>
            <TableCell>{q.text}</TableCell>
            <TableCell>{q.askedBy}</TableCell>
            <TableCell>{dateTime(q.askedAt)}</TableCell>
            <TableCell>{state(q)}</TableCell>
            <TableCell>
              {q.pointer ? (
                <>
                  <span>
                    {q.pointer.passage.length > 80 ? `${q.pointer.passage.slice(0, 80)}…` : q.pointer.passage}
                  </span>{' '}
                  <Button
                    size="small"
                    onClick={() => void takeBack(q)}
                    aria-label={`Take back the passage for: ${q.text}`}
                  >
                    Take back
                  </Button>
                </>
              ) : (
                <Button size="small" onClick={() => setPointing(q)} aria-label={`Point to the answer for: ${q.text}`}>
                  Point to the answer
                </Button>
              )}
            </TableCell>
          </TableRow>
        )}
      />
      {pointing && (
        <PointToPassage
          schoolId={schoolId}
          question={pointing}
          onClose={(saved) => {
            setPointing(undefined);
            if (saved) questions.reload();
          }}
        />
      )}
    </section>
  );
}
