import { Checkbox } from '@fluentui/react-components';
import { useState } from 'react';
import { STAFF_FIELDS } from '../../../../src/domain/people/staff-import.ts';
import { SpreadsheetImport } from '../../SpreadsheetImport.tsx';

interface StaffLine {
  name: string;
  email: string;
  school: string;
  department: string;
  action: 'join' | 'update';
}

/** The staff list from the MIS or HR system: joiners, changes and, for a full list, leavers. */
export function ImportStaff({ onClose }: { onClose: (imported: boolean) => void }) {
  const [fullList, setFullList] = useState(false);
  return (
    <SpreadsheetImport<StaffLine>
      title="Import the staff list"
      fileLabel="CSV file of staff"
      fileHint="One row per person: school email, first and last name; department, job title, school, staff type and start date if you have them. Roles are never imported: give them in the hub."
      previewPath="/directory/imports/preview"
      importPath="/directory/imports"
      spec={STAFF_FIELDS}
      extraBody={{ fullList }}
      extraControls={
        <Checkbox
          checked={fullList}
          onChange={(_, d) => setFullList(Boolean(d.checked))}
          label="This is everyone at these schools: mark anyone not in the file as having left"
        />
      }
      noun={['person', 'people']}
      sampleLabel="Staff ready to import (first 25)"
      sampleColumns={[
        { header: 'Name', value: (s) => s.name },
        { header: 'Email', value: (s) => s.email },
        { header: 'School and department', value: (s) => `${s.school}, ${s.department}` },
        { header: 'Change', value: (s) => (s.action === 'join' ? 'Joins' : 'Updated') },
      ]}
      done={(r) =>
        `${Number(r.joined)} joined, ${Number(r.updated)} updated, ${Number(r.left)} marked as having left` +
        ((r.skippedBadRows as number[]).length ? `; skipped rows ${(r.skippedBadRows as number[]).join(', ')}` : '') +
        '.'
      }
      onClose={onClose}
    />
  );
}
