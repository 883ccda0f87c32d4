import { VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { GroupFigures } from '../../../../src/domain/training/dashboard.ts';

const useStyles = makeStyles({
  // Fluent's legend capitalises every word ("Up To Date"); Teams writes labels in sentence case.
  legend: { textTransform: 'none' },
  // On a phone the chart keeps room for each bar's label and scrolls inside itself instead.
  scroll: { overflowX: 'auto' },
});

/** Enough width for each department's bar and slanted label not to run into the next. */
const PER_BAR_PX = 44;

/**
 * Each series has its own token so high contrast tells them apart (cyan and white there; green and
 * orange elsewhere), and each bar is labelled with its figures, so nothing rests on colour alone.
 */
const UP_TO_DATE = tokens.colorPaletteGreenBorderActive;
const OUTSTANDING = tokens.colorStatusWarningBackground3;

/** Who is up to date, by school and department: where HR would rather look than read. */
export default function ComplianceChart({ groups, showSchool }: { groups: GroupFigures[]; showSchool: boolean }) {
  const styles = useStyles();
  const data: VerticalStackedChartProps[] = groups.map((g) => ({
    xAxisPoint: showSchool ? `${g.department} (${g.schoolName.split(' ')[0]})` : g.department,
    chartData: [
      {
        legend: 'Up to date',
        data: g.compliant,
        color: UP_TO_DATE,
        // The chart shows a bar's label from its one labelled segment, and leaves out empty segments.
        ...(g.compliant > 0 ? { barLabel: `${g.compliant}/${g.people}` } : {}),
        yAxisCalloutData: `${g.compliant} of ${g.people}`,
      },
      {
        legend: 'Something outstanding',
        data: g.people - g.compliant,
        color: OUTSTANDING,
        ...(g.compliant === 0 ? { barLabel: `0/${g.people}` } : {}),
        yAxisCalloutData: `${g.people - g.compliant} of ${g.people}`,
      },
    ],
  }));
  return (
    <div className={styles.scroll} role="region" aria-label="Chart of staff up to date by department" tabIndex={0}>
      <div style={{ minWidth: `${groups.length * PER_BAR_PX + 80}px` }}>
        <VerticalStackedBarChart
          data={data}
          chartTitle="Staff up to date by department"
          yAxisTitle="Staff"
          height={300}
          barWidth="auto"
          maxBarWidth={40}
          rotateXAxisLables
          // Rotated labels run past the last bar; the right margin keeps the last one whole.
          margins={{ right: 48 }}
          legendProps={{ styles: { legend: styles.legend }, enabledWrapLines: true }}
          culture="en-GB"
        />
      </div>
    </div>
  );
}
