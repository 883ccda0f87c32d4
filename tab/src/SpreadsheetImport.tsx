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
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { ColumnMapping, FieldSpec, RowProblem } from '../../src/domain/imports/columns.ts';
import { api } from './api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** What every import's preview endpoint answers. */
export interface Preview<S> {
  headers: string[];
  mapping: ColumnMapping<string>;
  mappingProblems: string[];
  rowCount: number;
  goodCount: number;
  duplicates?: number;
  /** The first good rows, as they will be recorded. */
  sample: (S & { row: number })[];
  bad: RowProblem[];
  /** Anything else the importer must know before confirming, such as who would be marked as leaving. */
  notes?: string[];
}

export interface SpreadsheetImportProps<S> {
  title: string;
  fileLabel: string;
  fileHint: string;
  previewPath: string;
  importPath: string;
  spec: Pick<FieldSpec<string>, 'fields' | 'required' | 'labels'>;
  sampleLabel: string;
  /** What one row is, and several: ['completion', 'completions']. */
  noun: [string, string];
  sampleColumns: { header: string; value: (row: S) => ReactNode }[];
  /** Sent with both the preview and the import, such as a choice the importer made. */
  extraBody?: Record<string, unknown>;
  extraControls?: ReactNode;
  done: (result: Record<string, unknown>) => string;
  onClose: (imported: boolean) => void;
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

/**
 * Importing a CSV file: choose it, confirm which column holds what, see a sample and every bad row
 * with its reason, then import. With bad rows nothing is imported unless the importer ticks that
 * they want the good rows alone.
 */
export function SpreadsheetImport<S>(props: SpreadsheetImportProps<S>) {
  const { onClose, spec } = props;
  const styles = useStyles();
  const [csv, setCsv] = useState<string>();
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<Preview<S>>();
  const [acceptBadRows, setAcceptBadRows] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<Record<string, unknown>>();

  const check = async (text: string, mapping?: ColumnMapping<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      setPreview(
        await api<Preview<S>>(props.previewPath, { method: 'POST', body: { ...props.extraBody, csv: text, mapping } }),
      );
      setAcceptBadRows(false);
    } catch (err) {
      setError(err as Error);
      setPreview(undefined);
    } finally {
      setBusy(false);
    }
  };
  // A changed choice (such as "this is the full list") changes what the import would do: check again.
  const extra = JSON.stringify(props.extraBody ?? {});
  useEffect(() => {
    if (csv) void check(csv, preview?.mapping);
    // Only the choice triggers this; the file and mapping trigger their own checks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extra]);

  const remap = (field: string, value: string) => {
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
        await api<Record<string, unknown>>(props.importPath, {
          method: 'POST',
          body: { ...props.extraBody, csv, mapping: preview!.mapping, acceptBadRows },
        }),
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
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent className={styles.grid}>
            {result ? (
              <MessageBar layout="multiline" intent="success">
                <MessageBarBody>{props.done(result)}</MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <Field label={props.fileLabel} hint={props.fileHint}>
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
                {props.extraControls}
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
                      {spec.fields.map((field) => (
                        <Field key={field} label={spec.labels[field]} required={spec.required.includes(field)}>
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
                      <MessageBar layout="multiline" key={p} intent="warning">
                        <MessageBarBody>{p}</MessageBarBody>
                      </MessageBar>
                    ))}
                    {preview.notes?.map((note) => (
                      <MessageBar layout="multiline" key={note} intent="info">
                        <MessageBarBody>{note}</MessageBarBody>
                      </MessageBar>
                    ))}
                    {preview.sample.length > 0 && (
                      <div className={styles.scroll}>
                        <Table size="small" aria-label={props.sampleLabel}>
                          <TableHeader>
                            <TableRow>
                              <TableHeaderCell>Row</TableHeaderCell>
                              {props.sampleColumns.map((c) => (
                                <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
                              ))}
                            </TableRow>
                          </TableHeader>
                          <TableBody>
                            {preview.sample.map((s) => (
                              <TableRow key={s.row}>
                                <TableCell>{s.row}</TableCell>
                                {props.sampleColumns.map((c) => (
                                  <TableCell key={c.header}>{c.value(s)}</TableCell>
                                ))}
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
                {`Import ${preview?.goodCount ?? ''} ${preview?.goodCount === 1 ? props.noun[0] : props.noun[1]}`}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
