/**
 * The comparison panel as rows of cells, and the comparison as a `Report` for export. Pure.
 */
import type { ReplicationResult } from '../../core/sim/run-replication.js';
import { assumptionsOf, differencesAgainstFirst, reportEstimate } from '../../report/build-report.js';
import type { Report, VariantResult } from '../../report/report.js';
import type { LoadedScenario } from '../../scenario/load.js';
import type { SimulationRun } from '../services.js';
import type { VariantFigures } from './analysis.js';
import { differenceIsBetter, differenceRow, FIGURE_LABEL_WIDTH, figureRow, KEY_FIGURES } from './figures.js';
import type { FigureLine } from './figures.js';
import { cutMiddle } from './labels.js';

/** One cell: its text and, for a difference, whether it is an improvement (null: neutral). */
export interface Cell {
  readonly text: string;
  readonly better?: boolean | null;
  /** The selected variant's column. */
  readonly selected?: boolean;
  /** A header or label cell. */
  readonly heading?: boolean;
  /** The heading of an agent group's figures (its name; the other cells are empty). */
  readonly group?: boolean;
}

export interface ComparisonTable {
  /** Width of each column (the first is the label column). */
  readonly widths: readonly number[];
  /**
   * The header line as consecutive pieces: each variant's name centred over its value and difference columns (the
   * first may reach into the empty label column), so that names stay readable where a column alone is too narrow.
   */
  readonly header: readonly Cell[];
  /** One row per key figure (or agent group heading). */
  readonly rows: readonly (readonly Cell[])[];
  /** What the Δ columns mean, e.g. `Δ = world-class − switchboard`. */
  readonly note: string;
}

/** Width of a value column: the widest value of the compact figures (`166,823`, `31.6 s`) and a space. */
const VALUE_WIDTH = 8;

/**
 * The comparison laid out for `width` characters. When every variant's value and its difference to the first fit,
 * each variant after the first gets a Δ column; otherwise one Δ column shows the selected variant against the first
 * (the second variant when the first is selected). Each row writes its values in one style and its differences in
 * one style (the same decimals and scale), and simulated values get their 95% half-width where there is room.
 *
 * @param names variant names in order
 * @param results each variant's figures (null: none, e.g. infeasible)
 * @param significant per variant and metric, whether the difference is significant (simulated), else null
 * @param lines the rows (see `keyFigureLines`); default the eight key figures of a scenario without groups
 */
export function comparisonTable(
  names: readonly string[],
  results: readonly (VariantResult | null)[],
  selected: number,
  width: number,
  significant: ((variant: number, metric: string) => boolean | null) | null = null,
  lines: readonly FigureLine[] = KEY_FIGURES.map((figure) => ({ type: 'figure', figure })),
): ComparisonTable {
  const n = names.length;
  const simulated = results.some((r) => r?.source === 'simulation');
  const first = results[0] ?? null;
  const labelWidth = FIGURE_LABEL_WIDTH;
  const room = (deltas: number, deltaWidth: number): number => Math.floor((width - labelWidth - deltas * deltaWidth) / Math.max(1, n));
  // Every Δ column at 8 characters, else at 7 (compact differences), else one Δ column.
  const deltaWidth = room(n - 1, 8) >= VALUE_WIDTH ? 8 : 7;
  const full = n > 1 && room(n - 1, deltaWidth) >= VALUE_WIDTH;
  const deltaFor: number[] = n <= 1 || first === null ? [] : full ? names.map((_, i) => i).slice(1) : [selected === 0 ? 1 : selected];
  const cellWidth = Math.min(simulated ? 16 : 12, Math.max(6, room(deltaFor.length, deltaWidth)));

  const widths: number[] = [labelWidth];
  const columns: { variant: number; delta: boolean }[] = [];
  names.forEach((_, i) => {
    columns.push({ variant: i, delta: false });
    widths.push(cellWidth);
    if (deltaFor.includes(i)) {
      columns.push({ variant: i, delta: true });
      widths.push(deltaWidth);
    }
  });

  const rows: Cell[][] = [];
  for (const line of lines) {
    if (line.type === 'group') {
      rows.push([{ text: line.group, heading: true, group: true }, ...columns.map(() => ({ text: '' }))]);
      continue;
    }
    const { figure } = line;
    const estimate = (result: VariantResult | null | undefined) => (result === null || result === undefined ? null : reportEstimate(result, figure.metric));
    const values = figureRow(figure.kind, results.map(estimate), cellWidth - 1, simulated);
    const base = estimate(first)?.mean ?? Number.NaN;
    const differences = deltaFor.map((v) => (estimate(results[v])?.mean ?? Number.NaN) - base);
    const marks = deltaFor.map((v) => (significant?.(v, figure.metric) === true ? '*' : ''));
    const deltas = differenceRow(figure.kind, differences, deltaWidth - 1, marks);
    const row: Cell[] = [{ text: figure.label, heading: true }];
    for (const column of columns) {
      if (!column.delta) {
        row.push({ text: values[column.variant] ?? '–', selected: column.variant === selected });
        continue;
      }
      const d = deltaFor.indexOf(column.variant);
      row.push({ text: deltas[d] ?? '–', better: differenceIsBetter(figure, differences[d] ?? Number.NaN), selected: column.variant === selected });
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
  return { widths, header: headerCells(names, columns, widths, selected, full), rows, note };
}

/**
 * The header pieces: each variant's name over its group of columns (value, and Δ when it has one), centred when it
 * fits, else right-aligned and reaching left into free space (the label column for the first), else cut in the
 * middle. A lone Δ column (narrow screens) is headed "Δ name" when that fits.
 */
function headerCells(
  names: readonly string[],
  columns: readonly { variant: number; delta: boolean }[],
  widths: readonly number[],
  selected: number,
  full: boolean,
): Cell[] {
  const groups: { variant: number; start: number; end: number }[] = [];
  let at = widths[0] ?? 0;
  columns.forEach((column, c) => {
    const w = widths[c + 1] ?? 0;
    const last = groups[groups.length - 1];
    if (column.delta && last !== undefined && last.variant === column.variant) last.end += w;
    else groups.push({ variant: column.variant, start: at, end: at + w });
    at += w;
  });
  const cells: Cell[] = [];
  let cursor = 0;
  groups.forEach((group, g) => {
    const name = names[group.variant] ?? '';
    const next = groups[g + 1];
    const lone = !full && group.end - group.start > (widths[1] ?? 0);
    const wanted = lone && [...`${name} Δ`].length <= group.end - group.start - 1 ? `${name} Δ` : name;
    // Room: from just after the previous name (one space between) to the end of the group.
    const available = group.end - Math.max(cursor + (g === 0 ? 0 : 1), 0);
    const text = cutMiddle(wanted, Math.max(1, available));
    const length = [...text].length;
    const centred = group.start + Math.floor((group.end - group.start - length) / 2) + 1;
    const from = Math.min(group.end - length, Math.max(cursor + (g === 0 ? 0 : 1), centred));
    if (from > cursor) cells.push({ text: ' '.repeat(from - cursor), heading: true });
    cells.push({ text, heading: true, selected: group.variant === selected });
    cursor = from + length;
    if (next === undefined && cursor < group.end) {
      cells.push({ text: ' '.repeat(group.end - cursor), heading: true });
      cursor = group.end;
    }
  });
  return cells;
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
