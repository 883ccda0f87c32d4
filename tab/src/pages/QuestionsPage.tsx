import { Badge, TableCell, TableRow } from '@fluentui/react-components';
import { ItemTable } from '../ItemTable.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { dateTime } from '../format.ts';
import type { PageProps } from '../pages.ts';
import { useApi } from '../useApi.ts';

interface Question {
  id: string;
  text: string;
  askedBy: string;
  askedAt: string;
  status: 'unanswered' | 'asked-slt' | 'answered';
  feedback?: 'helpful' | 'not-helpful';
  answer?: string;
  answeredBy?: string;
}

function state(q: Question) {
  if (q.status === 'asked-slt') return <Badge color="warning">Waiting for SLT</Badge>;
  if (q.answer) return <Badge color="success">Answered by {q.answeredBy}</Badge>;
  if (q.feedback === 'not-helpful') return <Badge color="danger">Answer not helpful</Badge>;
  return <Badge appearance="tint">Not in the policy</Badge>;
}

/** Where the policy falls short: what staff asked that it did not answer well. */
export default function QuestionsPage({ page, schoolId }: PageProps) {
  const questions = useApi<{ items: Question[] }>(`/questions?schoolId=${encodeURIComponent(schoolId)}`);
  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={page.title}
        subtitle="Questions the policy did not answer, or answered unhelpfully. Answer waiting ones on their card in the SLT channel; use the rest when the policy is next reviewed."
      />
      <ItemTable
        label="Policy questions"
        state={questions}
        loading="Loading questions"
        empty="No gaps: every question so far was answered by the policy."
        columns={['Question', 'Asked by', 'Asked', 'State']}
        row={(q) => (
          <TableRow key={q.id}>
            <TableCell>{q.text}</TableCell>
            <TableCell>{q.askedBy}</TableCell>
            <TableCell>{dateTime(q.askedAt)}</TableCell>
            <TableCell>{state(q)}</TableCell>
          </TableRow>
        )}
      />
    </section>
  );
}
