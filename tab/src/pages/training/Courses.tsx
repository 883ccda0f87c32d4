import type { CourseView as Course } from '../../../../src/training/courses.ts';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../../src/domain/roles.ts';
import { api } from '../../api.ts';
import { useFieldErrors } from '../../useFieldErrors.ts';
import { ErrorNotice } from '../../ErrorNotice.tsx';
import { ItemTable } from '../../ItemTable.tsx';
import { useApi } from '../../useApi.ts';
import { TrainingSettings } from './TrainingSettings.tsx';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  roles: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
});

function CourseDialog(props: {
  course?: Course;
  schools: { id: string; name: string }[];
  onClose: (saved: boolean) => void;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState(props.course?.title ?? '');
  const [schoolId, setSchoolId] = useState(props.course?.schoolId ?? '');
  const [refresher, setRefresher] = useState(String(props.course?.refresherMonths ?? ''));
  const [roles, setRoles] = useState<Role[]>(props.course?.requiredForRoles ?? ['Staff']);
  const [runners, setRunners] = useState(props.course?.requiredForAccountRunners ?? false);
  const [error, setError] = useState<Error>();
  const { aboutFields, field, refused, clear, formProps } = useFieldErrors();
  const save = async () => {
    setError(undefined);
    clear();
    const body = {
      title,
      ...(schoolId ? { schoolId } : {}),
      ...(refresher ? { refresherMonths: Number(refresher) } : {}),
      requiredForRoles: roles,
      requiredForAccountRunners: runners,
    };
    try {
      if (props.course) {
        await api(`/training/courses/${encodeURIComponent(props.course.id)}`, {
          method: 'PUT',
          body: { ...body, etag: props.course.etag },
        });
      } else {
        await api('/training/courses', { method: 'POST', body });
      }
      props.onClose(true);
    } catch (err) {
      refused(err);
      setError(err as Error);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose(false)}>
      <DialogSurface>
        <form
          {...formProps}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{props.course ? `Change ${props.course.title}` : 'Add a course'}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label="Title"
                required
                hint="Imports from training providers match courses by this title."
                {...field('title')}
              >
                <Input value={title} onChange={(_, d) => setTitle(d.value)} />
              </Field>
              <Field label="Where it applies">
                <Select value={schoolId} onChange={(_, d) => setSchoolId(d.value)}>
                  <option value="">Every school in the trust</option>
                  {props.schools.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} only
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label="Refresher every (months)"
                hint="Leave empty if it never needs repeating."
                {...field('refresherMonths')}
              >
                <Input type="number" min={1} max={120} value={refresher} onChange={(_, d) => setRefresher(d.value)} />
              </Field>
              <fieldset>
                <legend>Required for</legend>
                <div className={styles.roles}>
                  {ROLES.map((role) => (
                    <Checkbox
                      key={role}
                      label={ROLE_LABELS[role]}
                      checked={roles.includes(role)}
                      onChange={(_, d) =>
                        setRoles((now) => (d.checked ? [...now, role] : now.filter((r) => r !== role)))
                      }
                    />
                  ))}
                </div>
              </fieldset>
              <Checkbox
                label="Everyone who runs or moderates an official account must hold it"
                checked={runners}
                onChange={(_, d) => setRunners(Boolean(d.checked))}
              />
              {error && !aboutFields && <ErrorNotice error={error} />}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => props.onClose(false)}>Cancel</Button>
              <Button type="submit" appearance="primary" disabled={title.trim().length < 2}>
                Save course
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** The trust's and schools' courses: what each role must complete, and how often. */
export function Courses({ schools, onChanged }: { schools: { id: string; name: string }[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<Course | 'new'>();
  const state = useApi<{ items: Course[] }>(`/training/courses`);
  const schoolName = (id?: string) => (id ? (schools.find((s) => s.id === id)?.name ?? id) : 'Whole trust');
  return (
    <>
      <Button appearance="primary" onClick={() => setEditing('new')} style={{ marginBlock: tokens.spacingVerticalM }}>
        Add a course
      </Button>
      <ItemTable
        label="Courses"
        state={state}
        loading="Loading courses"
        empty="No courses yet."
        columns={['Course', 'Where', 'Refresher', 'Required for', 'Change']}
        row={(c) => (
          <TableRow key={c.id}>
            <TableCell>
              {c.title}
              {c.requiredForAccountRunners ? ' (needed to run an official account)' : ''}
            </TableCell>
            <TableCell>{schoolName(c.schoolId)}</TableCell>
            <TableCell>{c.refresherMonths ? `Every ${c.refresherMonths} months` : 'Once'}</TableCell>
            <TableCell>{c.requiredForRoles.map((r) => ROLE_LABELS[r]).join(', ') || 'Nobody (optional)'}</TableCell>
            <TableCell>
              {c.canChange && (
                <Button size="small" aria-label={`Change ${c.title}`} onClick={() => setEditing(c)}>
                  Change
                </Button>
              )}
            </TableCell>
          </TableRow>
        )}
      />
      {schools.map((school) => (
        <TrainingSettings key={school.id} schoolId={school.id} title={`Training at ${school.name}`} />
      ))}
      {editing && (
        <CourseDialog
          course={editing === 'new' ? undefined : editing}
          schools={schools}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) {
              state.reload();
              onChanged();
            }
          }}
        />
      )}
    </>
  );
}
