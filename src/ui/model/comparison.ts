/**
 * The comparison panel as rows of cells, and the comparison as a `Report` for export. Pure.
 */
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import { assumptionsOf, differencesAgainstFirst } from '../../report/build-report.js';
import type { Report, VariantResult } from '../../report/report.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { SimulationRun } from '../services.js';
import type { VariantFigures } from './analysis.js';
import { differenceIsBetter, FIGURE_LABEL_WIDTH, figureCell, formatDifference, KEY_FIGURES } from './figures.js';

/** One cell: its text and, for a difference, whether it is an improvement (null: neutral). */
export interface Cell {
  readonly text: string;
  readonly better?: boolean | null;
  /** The selected variant's column. */
  readonly selected?: boolean;
  /** A header or label cell. */
  readonly heading?: boolean;
}

export interface ComparisonTable {
  /** Width of each column (the first is the label column). */
  readonly widths: readonly number[];
  /** Header row, then one row per key figure. */
  readonly rows: readonly (readonly Cell[])[];
  /** What the Δ columns mean, e.g. `Δ = world-class − switchboard`. */
  readonly note: string;
}

/**
 * The comparison laid out for `width` characters. When every variant's value and its difference to the first fit,
 * each variant after the first gets a Δ column; otherwise one Δ column shows the selected variant against the first
 * (the second variant when the first is selected).
 *
 * @param names variant names in order
 * @param results each variant's figures (null: none, e.g. infeasible)
 * @param significant per variant and metric, whether the difference is significant (simulated), else null
 */
export function comparisonTable(
  names: readonly string[],
  results: readonly (VariantResult | null)[],
  selected: number,
  width: number,
  significant: ((variant: number, metric: string) => boolean | null) | null = null,
): ComparisonTable {
  const n = names.length;
  const simulated = results.some((r) => r?.source === 'simulation');
  const first = results[0] ?? null;
  const deltaWidth = 8;
  const labelWidth = FIGURE_LABEL_WIDTH;
  const fullCell = Math.floor((width - labelWidth - (n - 1) * deltaWidth) / Math.max(1, n));
  const full = n > 1 && fullCell >= (simulated ? 12 : 9);
  const deltaFor: number[] = n <= 1 || first === null ? [] : full ? names.map((_, i) => i).slice(1) : [selected === 0 ? 1 : selected];
  const cellWidth = Math.min(16, Math.max(6, Math.floor((width - labelWidth - deltaFor.length * deltaWidth) / Math.max(1, n))));

  const widths: number[] = [labelWidth];
  const header: Cell[] = [{ text: '', heading: true }];
  const columns: { variant: number; delta: boolean }[] = [];
  names.forEach((name, i) => {
    columns.push({ variant: i, delta: false });
    widths.push(cellWidth);
    header.push({ text: fit(name, cellWidth - 1), heading: true, selected: i === selected });
    if (deltaFor.includes(i)) {
      columns.push({ variant: i, delta: true });
      widths.push(deltaWidth);
      header.push({ text: fit(full ? 'Δ' : `Δ ${name}`, deltaWidth - 1), heading: true, selected: i === selected });
    }
  });

  const rows: Cell[][] = [header];
  for (const figure of KEY_FIGURES) {
    const row: Cell[] = [{ text: figure.label, heading: true }];
    for (const column of columns) {
      const result = results[column.variant] ?? null;
      if (!column.delta) {
        const estimate = result?.totals[figure.metric] ?? null;
        row.push({ text: figureCell(figure.kind, estimate, cellWidth - 1, result?.source === 'simulation'), selected: column.variant === selected });
        continue;
      }
      const value = result?.totals[figure.metric].mean ?? Number.NaN;
      const base = first?.totals[figure.metric].mean ?? Number.NaN;
      const difference = value - base;
      const mark = significant?.(column.variant, figure.metric) === true ? '*' : '';
      row.push({
        text: `${formatDifference(figure.kind, difference, deltaWidth - 1 - mark.length)}${mark}`,
        better: differenceIsBetter(figure, difference),
        selected: column.variant === selected,
      });
    }
    rows.push(row);
  }
  const firstName = names[0] ?? '';
  const note =
    deltaFor.length === 0
      ? ''
      : full
        ? `Δ = variant − ${firstName}${significant === null ? '' : ', * significant'}`
        : `Δ = ${names[deltaFor[0] as number] ?? ''} − ${firstName}${significant === null ? '' : ', * significant'}`;
  return { widths, rows, note };
}

/** `text` cut to `width` characters with an ellipsis. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * Whether each variant differs significantly from the first, from a simulation's paired replications.
 * Returns null for analytic figures.
 */
export function significanceOf(run: SimulationRun | null): ((variant: number, metric: string) => boolean | null) | null {
  if (run === null) return null;
  const differences = differencesAgainstFirst(run.variants, run.replications as (readonly ReplicationResult[])[]);
  const names = run.variants.map((v) => v.variant);
  return (variant, metric) => differences.find((d) => d.variant === names[variant] && d.metric === metric)?.significant ?? null;
}

/**
 * The comparison on screen as a report for the exporters: the simulated figures when there are any, else the
 * analytic ones; variants without figures (infeasible) are left out.
 */
export function comparisonReport(options: {
  readonly scenario: LoadedScenario;
  readonly figures: readonly VariantFigures[];
  readonly simulation: SimulationRun | null;
  readonly staffsimVersion: string;
  readonly edited: boolean;
}): Report {
  const { scenario, figures, simulation, staffsimVersion, edited } = options;
  const variants: VariantResult[] = simulation !== null ? [...simulation.variants] : figures.flatMap((f) => (f.result === null ? [] : [f.result]));
  const runs = simulation !== null ? (simulation.replications as (readonly ReplicationResult[])[]) : variants.map(() => null);
  return {
    kind: 'compare',
    title: `Comparison: ${scenario.name}${edited ? ' (edited in staffsim explore)' : ''}`,
    currency: scenario.currency,
    staffsimVersion,
    variants,
    differences: differencesAgainstFirst(variants, runs),
    sweep: null,
    assumptions: assumptionsOf(
      [{ scenario: scenario.name, document: scenario.document }],
      simulation !== null
        ? { seed: simulation.seed, replications: simulation.replicationCount, staffsimVersion }
        : { source: 'analytic', staffsimVersion },
    ),
  };
}
