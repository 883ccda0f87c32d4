import { TableScroll } from '../TableScroll.tsx';
import type { MyTraining } from '../../../src/training/training-records.ts';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, ApiProblem } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { date } from '../format.ts';
import { PageHeader } from '../PageHeader.tsx';
import type { PageProps } from '../pages.ts';
import { StatusBadge } from '../TrainingStatus.tsx';
import { useApi } from '../useApi.ts';

/** "I did this course elsewhere": recorded as the person's own declaration, for HR to check. */
function DeclareDialog({
  course,
  today,
  onClose,
}: {
  course: { courseId: string; title: string };
  today: string;
  onClose: (saved: boolean) => void;
}) {
  const [completedOn, setCompletedOn] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const fieldError = error instanceof ApiProblem ? error.fieldErrors().completedOn : undefined;
  const save = async () => {
    setBusy(true);
    try {
      await api('/training/declarations', { method: 'POST', body: { courseId: course.courseId, completedOn } });
      onClose(true);
    } catch (err) {
      setError(err as Error);
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>I have completed {course.title}</DialogTitle>
          <DialogContent>
            <p>HR will check your record before it counts. Keep your certificate in case they ask for it.</p>
            <Field
              label="Date you completed it"
              required
              validationMessage={fieldError}
              hint="It cannot be in the future."
            >
              <Input type="date" max={today} value={completedOn} onChange={(_, d) => setCompletedOn(d.value)} />
            </Field>
            {error && !fieldError && <ErrorNotice error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onClose(false)}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={!completedOn || busy} onClick={() => void save()}>
              Send to HR
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The signed-in person's own training: what is done, what is due, and what is overdue. */
export default function MyTrainingPage({ page }: PageProps) {
  const [declaring, setDeclaring] = useState<{ courseId: string; title: string }>();
  const { data, error, reload } = useApi<MyTraining>(`/training/mine`);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Spinner label="Loading your training" />;
  const required = data.courses.filter((c) => c.required);
  const optional = data.courses.filter((c) => !c.required);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={page.title} subtitle="What the school needs you to have done, and by when." />
      <TableScroll label="My training">
        <Table aria-label="My training">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Requirement</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Last completed</TableHeaderCell>
              <TableHeaderCell>Action</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.policy && (
              <TableRow>
                <TableCell>Read and understood: {data.policy.title}</TableCell>
                <TableCell>
                  <StatusBadge standing={data.policy.standing} />
                </TableCell>
                <TableCell>{date(data.policy.acknowledgedAt)}</TableCell>
                <TableCell>{!data.policy.standing.compliant && <Link href="#/policy">Read the policy</Link>}</TableCell>
              </TableRow>
            )}
            {[...required, ...optional].map((course) => (
              <TableRow key={course.courseId}>
                <TableCell>
                  {course.title}
                  {course.refresherMonths ? ` (every ${course.refresherMonths} months)` : ''}
                  {course.requiredBecause === 'account' && ' (needed because you run an official account)'}
                  {!course.required && ' (optional for your role)'}
                </TableCell>
                <TableCell>
                  <StatusBadge standing={course.standing} />
                </TableCell>
                <TableCell>
                  {course.records[0]
                    ? `${date(course.records[0].completedOn)}${course.records[0].rejected ? ' (not accepted by HR)' : ''}`
                    : '—'}
                </TableCell>
                <TableCell>
                  {course.required &&
                    !course.standing?.compliant &&
                    course.standing?.status !== 'awaiting-verification' && (
                      <Button size="small" onClick={() => setDeclaring(course)}>
                        I have completed this
                      </Button>
                    )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      {declaring && (
        <DeclareDialog
          course={declaring}
          today={data.today}
          onClose={(saved) => {
            setDeclaring(undefined);
            if (saved) reload();
          }}
        />
      )}
    </section>
  );
}
