import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** Benchmarks print numbers beside the committed baseline; `-- --save` records them as the new baseline. */
const BASELINE = new URL('./baseline.json', import.meta.url);

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
}

export function report(results: Record<string, number>): void {
  const { values } = parseArgs({ options: { save: { type: 'boolean', default: false } } });
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  // eslint-disable-next-line no-console
  console.table(
    Object.entries(results).map(([measure, now]) => ({
      measure,
      now,
      baseline: baseline[measure] ?? '-',
      'now / baseline': baseline[measure] ? Number((now / baseline[measure]).toFixed(2)) : '-',
    })),
  );
  if (values.save) {
    // Merged, so each benchmark saves its own figures without touching the others'.
    writeFileSync(BASELINE, `${JSON.stringify({ ...baseline, ...results }, null, 2)}\n`);
    process.stdout.write('baseline saved\n');
  }
}
