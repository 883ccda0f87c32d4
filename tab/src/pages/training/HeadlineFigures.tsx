import { Caption1, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DashboardSummary, Figures } from '../../../../src/domain/training/dashboard.ts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  big: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
});

function FigureCard({ title, figures, testId }: { title: string; figures: Figures; testId: string }) {
  const styles = useStyles();
  const thin = figures.percentCompliant < 80;
  return (
    <section className={styles.card} aria-label={title} data-testid={testId}>
      <Text weight="semibold">{title}</Text>
      <Text className={styles.big} data-testid={`${testId}-percent`}>
        {figures.percentCompliant}%
      </Text>
      <Field
        validationState={thin ? 'warning' : 'success'}
        validationMessage={`${figures.compliant} of ${figures.people} compliant`}
      >
        <ProgressBar
          aria-label={`${title}: ${figures.percentCompliant}% compliant`}
          value={figures.people ? figures.compliant / figures.people : 1}
          thickness="large"
        />
      </Field>
      <div className={styles.facts}>
        <Caption1>Overdue: {figures.overdue}</Caption1>
        <Caption1>Expiring in 30 days: {figures.expiringSoon}</Caption1>
        <Caption1>Never completed: {figures.neverCompleted}</Caption1>
        {figures.awaitingVerification > 0 && <Caption1>Awaiting HR check: {figures.awaitingVerification}</Caption1>}
      </div>
    </section>
  );
}

/** The figures HR reads first: overall compliance, then each requirement. */
export function HeadlineFigures({ summary }: { summary: DashboardSummary }) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      <FigureCard title="Everything up to date" figures={summary.overall} testId="figures-overall" />
      {summary.byRequirement.map((r) => (
        <FigureCard key={r.id} title={r.title} figures={r} testId={`figures-${r.id}`} />
      ))}
    </div>
  );
}
