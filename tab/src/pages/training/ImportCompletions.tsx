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
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ColumnMapping,
  type ImportField,
  type RowProblem,
} from '../../../../src/domain/training/completion-import.ts';
import { api } from '../../api.ts';
import { ErrorNotice } from '../../ErrorNotice.tsx';
import { date } from '../../format.ts';

interface Preview {
  headers: string[];
  mapping: ColumnMapping;
  mappingProblems: string[];
  rowCount: number;
  goodCount: number;
  duplicates: number;
  sample: { row: number; name: string; course: string; completedOn: string; expiresOn?: string }[];
  bad: RowProblem[];
}

const useStyles = makeStyles({
  surface: { maxWidth: 'min(60rem, 95vw)' },
  grid: { display: 'grid', gap: tokens.spacingVerticalM },
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  scroll: { maxHeight: '14rem', overflow: 'auto' },
});

/** Completions from a training provider's CSV: choose the file, check the columns, preview, then import. */
export function ImportCompletions({ onClose }: { onClose: (imported: boolean) => void }) {
  const styles = useStyles();
  const [csv, setCsv] = useState<string>();
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [acceptBadRows, setAcceptBadRows] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<{ imported: number; alreadyRecorded: number; skippedBadRows: number[] }>();

  const check = async (text: string, mapping?: ColumnMapping) => {
    setBusy(true);
    setError(undefined);
    try {
      setPreview(await api<Preview>('/training/imports/preview', { method: 'POST', body: { csv: text, mapping } }));
      setAcceptBadRows(false);
    } catch (err) {
      setError(err as Error);
      setPreview(undefined);
    } finally {
      setBusy(false);
    }
  };
  const remap = (field: ImportField, value: string) => {
    if (!preview || !csv) return;
    const mapping = { ...preview.mapping };
    if (value === '') delete mapping[field];
    else mapping[field] = Number(value);
    void check(csv, mapping);
  };
  const runImport = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await api('/training/imports', { method: 'POST', body: { csv, mapping: preview!.mapping, acceptBadRows } }),
      );
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const canImport =
    preview &&
    preview.mappingProblems.length === 0 &&
    preview.goodCount > 0 &&
    (preview.bad.length === 0 || acceptBadRows);

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose(Boolean(result))}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Import completions from a CSV file</DialogTitle>
          <DialogContent className={styles.grid}>
            {result ? (
              <MessageBar intent="success">
                <MessageBarBody>
                  Imported {result.imported} completion{result.imported === 1 ? '' : 's'}
                  {result.alreadyRecorded ? `; ${result.alreadyRecorded} were already recorded` : ''}
                  {result.skippedBadRows.length ? `; skipped rows ${result.skippedBadRows.join(', ')}` : ''}.
                </MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <Field
                  label="CSV file from the training provider"
                  hint="One row per completion: the member of staff's school email, the course title as it appears here, and the date completed (day/month/year)."
                >
                  <input
                    type="file"
                    accept=".csv,text/csv"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (!file) return;
                      setFileName(file.name);
                      void file.text().then((text) => {
                        setCsv(text);
                        void check(text);
                      });
                    }}
                  />
                </Field>
                {busy && <ProgressBar aria-label="Checking the file" />}
                {preview && (
                  <>
                    <Text>
                      {fileName}: {preview.rowCount} rows. {preview.goodCount} ready to import
                      {preview.duplicates ? `, ${preview.duplicates} repeated` : ''}, {preview.bad.length} with
                      problems.
                    </Text>
                    <fieldset className={styles.mapping}>
                      <legend>Which column holds what</legend>
                      {IMPORT_FIELDS.map((field) => (
                        <Field key={field} label={IMPORT_FIELD_LABELS[field]} required={field !== 'expiresOn'}>
                          <Select
                            value={String(preview.mapping[field] ?? '')}
                            onChange={(_, d) => remap(field, d.value)}
                          >
                            <option value="">(not in this file)</option>
                            {preview.headers.map((h, i) => (
                              <option key={i} value={i}>
                                {h || `Column ${i + 1}`}
                              </option>
                            ))}
                          </Select>
                        </Field>
                      ))}
                    </fieldset>
                    {preview.mappingProblems.map((p) => (
                      <MessageBar key={p} intent="warning">
                        <MessageBarBody>{p}</MessageBarBody>
                      </MessageBar>
                    ))}
                    {preview.sample.length > 0 && (
                      <div className={styles.scroll}>
                        <Table size="small" aria-label="Rows ready to import (first 25)">
                          <TableHeader>
                            <TableRow>
                              <TableHeaderCell>Row</TableHeaderCell>
                              <TableHeaderCell>Member of staff</TableHeaderCell>
                              <TableHeaderCell>Course</TableHeaderCell>
                              <TableHeaderCell>Completed</TableHeaderCell>
                            </TableRow>
                          </TableHeader>
                          <TableBody>
                            {preview.sample.map((s) => (
                              <TableRow key={s.row}>
                                <TableCell>{s.row}</TableCell>
                                <TableCell>{s.name}</TableCell>
                                <TableCell>{s.course}</TableCell>
                                <TableCell>{date(s.completedOn)}</TableCell>
                              </TableRow>
                            ))}
                          </TableBody>
                        </Table>
                      </div>
                    )}
                    {preview.bad.length > 0 && (
                      <>
                        <div className={styles.scroll}>
                          <Table size="small" aria-label="Rows with problems">
                            <TableHeader>
                              <TableRow>
                                <TableHeaderCell>Row</TableHeaderCell>
                                <TableHeaderCell>Problem</TableHeaderCell>
                              </TableRow>
                            </TableHeader>
                            <TableBody>
                              {preview.bad.map((b) => (
                                <TableRow key={b.row}>
                                  <TableCell>{b.row}</TableCell>
                                  <TableCell>{b.problems.join('; ')}</TableCell>
                                </TableRow>
                              ))}
                            </TableBody>
                          </Table>
                        </div>
                        <Checkbox
                          checked={acceptBadRows}
                          onChange={(_, d) => setAcceptBadRows(Boolean(d.checked))}
                          label={`Import only the ${preview.goodCount} good rows and skip the ${preview.bad.length} with problems`}
                        />
                      </>
                    )}
                  </>
                )}
                {error && <ErrorNotice error={error} />}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onClose(Boolean(result))}>{result ? 'Close' : 'Cancel'}</Button>
            {!result && (
              <Button appearance="primary" disabled={!canImport || busy} onClick={() => void runImport()}>
                Import {preview?.goodCount ?? ''} completions
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
