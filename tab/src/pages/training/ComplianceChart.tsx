import { VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { GroupFigures } from '../../../../src/domain/training/dashboard.ts';

/** Who is up to date, by school and department: where HR would rather look than read. */
export default function ComplianceChart({ groups, showSchool }: { groups: GroupFigures[]; showSchool: boolean }) {
  const data: VerticalStackedChartProps[] = groups.map((g) => ({
    xAxisPoint: showSchool ? `${g.department} (${g.schoolName.split(' ')[0]})` : g.department,
    chartData: [
      { legend: 'Up to date', data: g.compliant, color: tokens.colorPaletteGreenBorderActive },
      {
        legend: 'Something outstanding',
        data: g.people - g.compliant,
        color: tokens.colorPaletteDarkOrangeBorderActive,
      },
    ],
  }));
  return (
    <VerticalStackedBarChart
      data={data}
      chartTitle="Staff up to date by department"
      yAxisTitle="Staff"
      height={280}
      barWidth="auto"
      maxBarWidth={40}
      hideLabels={groups.length > 12}
      rotateXAxisLables
      culture="en-GB"
    />
  );
}
