import { COMPLETION_FIELDS } from '../../../../src/domain/training/completion-import.ts';
import { date } from '../../format.ts';
import { SpreadsheetImport } from '../../SpreadsheetImport.tsx';

interface Completion {
  name: string;
  course: string;
  completedOn: string;
}

/** Completions from a training provider's CSV export. */
export function ImportCompletions({ onClose }: { onClose: (imported: boolean) => void }) {
  return (
    <SpreadsheetImport<Completion>
      title="Import completions from a CSV file"
      fileLabel="CSV file from the training provider"
      fileHint="One row per completion: the member of staff's school email, the course title as it appears here, and the date completed (day/month/year)."
      previewPath="/training/imports/preview"
      importPath="/training/imports"
      spec={COMPLETION_FIELDS}
      noun={['completion', 'completions']}
      sampleLabel="Rows ready to import (first 25)"
      sampleColumns={[
        { header: 'Member of staff', value: (c) => c.name },
        { header: 'Course', value: (c) => c.course },
        { header: 'Completed', value: (c) => date(c.completedOn) },
      ]}
      done={(r) =>
        `Imported ${Number(r.imported)} completion${r.imported === 1 ? '' : 's'}` +
        (r.alreadyRecorded ? `; ${Number(r.alreadyRecorded)} were already recorded` : '') +
        ((r.skippedBadRows as number[]).length ? `; skipped rows ${(r.skippedBadRows as number[]).join(', ')}` : '') +
        '.'
      }
      onClose={onClose}
    />
  );
}
