import {
  Checkbox,
  Link,
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
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useMemo, useRef, useState } from 'react';
import type { RequirementColumn } from '../../../../src/domain/training/dashboard.ts';
import type { Row } from './types.ts';
import { TRAINING_STATUSES } from '../../../../src/domain/training/status.ts';
import { date } from '../../format.ts';
import { StatusBadge } from '../../TrainingStatus.tsx';

const ROW_HEIGHT = 60;

const useStyles = makeStyles({
  scroller: {
    height: 'min(60vh, 40rem)',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  row: { position: 'absolute', left: 0, width: '100%', height: `${ROW_HEIGHT}px` },
  select: { flex: '0 0 3rem' },
  name: { flex: '2 1 14rem', minWidth: '10rem' },
  place: { flex: '1 1 10rem', minWidth: '8rem' },
  status: { flex: '1 1 9rem', minWidth: '8.5rem' },
  reminded: { flex: '0 0 8rem' },
});

type SortKey = 'name' | 'department' | 'reminded' | number;

/** Overdue first when sorting by a requirement: that is who HR is looking for. */
const STATUS_ORDER = ['overdue', 'awaiting-verification', 'not-started', 'due-soon', 'completed'] as const;
const rank = (row: Row, i: number) => {
  const s = row.standings[i];
  return s ? STATUS_ORDER.indexOf(s.status) : TRAINING_STATUSES.length;
};

export function StaffTable(props: {
  columns: RequirementColumn[];
  rows: Row[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  onOpen: (row: Row) => void;
}) {
  const styles = useStyles();
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });
  const sorted = useMemo(() => {
    const compare = (a: Row, b: Row): number => {
      if (sort.key === 'name') return a.name.localeCompare(b.name, 'en-GB');
      if (sort.key === 'department')
        return a.department.localeCompare(b.department, 'en-GB') || a.name.localeCompare(b.name, 'en-GB');
      if (sort.key === 'reminded') return (a.lastRemindedAt ?? '').localeCompare(b.lastRemindedAt ?? '');
      return rank(a, sort.key) - rank(b, sort.key) || a.name.localeCompare(b.name, 'en-GB');
    };
    const list = [...props.rows].sort(compare);
    return sort.ascending ? list : list.reverse();
  }, [props.rows, sort]);

  const scroller = useRef<HTMLDivElement>(null);
  // Only the rows on screen are rendered, so 5,000 staff scroll as smoothly as 50.
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const header = (key: SortKey, label: string, className: string) => (
    <TableHeaderCell
      className={className}
      sortDirection={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : undefined}
      onClick={() => setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : true }))}
    >
      {label}
    </TableHeaderCell>
  );
  const allSelected = sorted.length > 0 && sorted.every((r) => props.selected.has(r.personId));
  const someSelected = !allSelected && sorted.some((r) => props.selected.has(r.personId));

  return (
    <div ref={scroller} className={styles.scroller} data-testid="staff-table">
      <Table noNativeElements sortable aria-label="Staff training" aria-rowcount={sorted.length + 1}>
        <TableHeader className={styles.head}>
          <TableRow aria-rowindex={1}>
            {/* Not a sort button: a checkbox inside one would be a control inside a control. */}
            <TableHeaderCell className={styles.select} sortable={false}>
              <Checkbox
                aria-label={allSelected ? 'Clear the selection' : 'Select everyone shown'}
                checked={allSelected ? true : someSelected ? 'mixed' : false}
                onChange={() => props.onSelect(new Set(allSelected ? [] : sorted.map((r) => r.personId)))}
              />
            </TableHeaderCell>
            {header('name', 'Name', styles.name)}
            {header('department', 'School and department', styles.place)}
            {props.columns.map((c, i) => (
              <Fragment key={c.id}>{header(i, c.title, styles.status)}</Fragment>
            ))}
            {header('reminded', 'Last reminded', styles.reminded)}
          </TableRow>
        </TableHeader>
        <TableBody style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = sorted[item.index]!;
            return (
              <TableRow
                key={row.personId}
                className={styles.row}
                style={{ transform: `translateY(${item.start}px)` }}
                aria-rowindex={item.index + 2}
              >
                <TableCell className={styles.select}>
                  <Checkbox
                    aria-label={`Select ${row.name}`}
                    checked={props.selected.has(row.personId)}
                    onChange={(_, d) => {
                      const next = new Set(props.selected);
                      if (d.checked) next.add(row.personId);
                      else next.delete(row.personId);
                      props.onSelect(next);
                    }}
                  />
                </TableCell>
                <TableCell className={styles.name}>
                  <div>
                    <Link onClick={() => props.onOpen(row)}>{row.name}</Link>
                    <Text block size={200}>
                      {row.jobTitle}
                    </Text>
                  </div>
                </TableCell>
                <TableCell className={styles.place}>
                  <Text size={200}>
                    {row.department}
                    <br />
                    {row.schoolName}
                  </Text>
                </TableCell>
                {row.standings.map((s, i) => (
                  <TableCell key={props.columns[i]!.id} className={styles.status}>
                    <StatusBadge standing={s} />
                  </TableCell>
                ))}
                <TableCell className={styles.reminded}>{row.lastRemindedAt ? date(row.lastRemindedAt) : '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
