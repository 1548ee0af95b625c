import { Box, Text } from 'ink';
import { axisLine, lineChart, markerLine } from '../model/charts.js';
import type { SweepState } from '../model/explorer-state.js';
import { compactNumber, formatFigure } from '../model/figures.js';
import { formatKnobValue } from '../model/knobs.js';
import type { SweepParameter } from '../model/sweep.js';

export interface SweepViewProps {
  /** The sweep being computed or shown (null: not started). */
  readonly sweep: SweepState | null;
  /** The parameters that can be swept, to name the other one. */
  readonly parameters: readonly SweepParameter[];
  readonly variantName: string;
  readonly currency: string;
  readonly width: number;
  readonly rows: number;
}

/**
 * Total cost of the selected variant against a parameter (analytic), with the cheapest point marked under the
 * chart and the value now beside it.
 */
export function SweepView({ sweep, parameters, variantName, currency, width, rows }: SweepViewProps) {
  const parameter = sweep === null ? undefined : parameters[sweep.parameterIndex];
  const other = parameters.length > 1 && sweep !== null ? parameters[(sweep.parameterIndex + 1) % parameters.length] : undefined;
  const title = `Sweep: total cost against ${parameter?.label ?? '…'} — ${variantName} (analytic)`;
  const toggle = other === undefined ? 'Esc back' : `t: against ${other.label} · Esc back`;
  if (sweep === null || sweep.status === 'computing') {
    return (
      <Box flexDirection="column" width={width} height={rows}>
        <Text bold wrap="truncate-end">
          {title}
        </Text>
        <Text>computing {sweep === null ? '' : `${sweep.done}/${sweep.total} points`}…</Text>
        <Text dimColor>{toggle}</Text>
      </Box>
    );
  }
  if (sweep.status === 'failed') {
    return (
      <Box flexDirection="column" width={width} height={rows}>
        <Text bold wrap="truncate-end">
          {title}
        </Text>
        <Text color="red" wrap="wrap">
          {sweep.message}
        </Text>
        <Text dimColor>{toggle}</Text>
      </Box>
    );
  }
  const { outcome } = sweep;
  const unit = outcome.parameter.unit;
  const values = outcome.parameter.values;
  // An unstable point's cost is unbounded: it is drawn at the top of the chart, above every finite cost, and marked ∞
  // under it.
  const finiteCosts = outcome.result.points.map((p) => p.totals.totalCost.mean).filter((c) => Number.isFinite(c));
  const highest = Math.max(...finiteCosts);
  const top = highest + Math.max(1, highest - Math.min(...finiteCosts)) * 0.1;
  const costs = outcome.result.points.map((p, i) => (outcome.unstable[i] === true ? top : p.totals.totalCost.mean));
  const plotRows = Math.max(3, rows - 7);
  const chart = lineChart(costs, { width: width - 1, height: plotRows });
  const cheapestIndex = values.indexOf(outcome.result.cheapest.value);
  const valueText = (v: number): string => `${formatKnobValue(v)}${unit === '%' ? '%' : ` ${unit}`}`;
  const starts = values.map(valueText);
  const cheapest = outcome.points[cheapestIndex];
  const nowIndex = outcome.current === null ? null : fractionalIndex(values, outcome.current);
  const cheapestNote = `▲ cheapest: ${valueText(outcome.result.cheapest.value)} → ${compactNumber(outcome.result.cheapest.totalCost)} ${currency}${
    cheapest === null || cheapest === undefined ? '' : ` (SL ${formatFigure('share', cheapest.totals.serviceLevel.mean)})`
  }`;
  const currentNote =
    outcome.current === null
      ? ''
      : `${nowIndex === null ? '' : '△ '}now: ${valueText(outcome.current)} → ${
          outcome.currentTotalCost === null
            ? 'cannot be staffed'
            : Number.isFinite(outcome.currentTotalCost)
              ? `${compactNumber(outcome.currentTotalCost)} ${currency}`
              : '∞ (unstable)'
        }${
          nowIndex === null ? ' (outside the sweep)' : ''
        }`;
  const infeasible = outcome.points.filter((p) => p === null).length;
  const unstable = outcome.unstable.filter((u) => u).length;
  const marks = [
    { index: cheapestIndex, char: '▲' },
    ...(nowIndex === null ? [] : [{ index: nowIndex, char: '△' }]),
    ...outcome.unstable.flatMap((u, index) => (u ? [{ index, char: '∞' }] : [])),
  ];
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      <Text dimColor wrap="truncate-end">
        total cost ({currency}) by {outcome.parameter.label}
        {infeasible > 0 ? ` · ${infeasible} value${infeasible === 1 ? '' : 's'} cannot be staffed (drawn flat)` : ''}
        {unstable > 0 ? ` · ∞ ${unstable} value${unstable === 1 ? '' : 's'} unstable (drawn at the top): unbounded cost, never the cheapest` : ''}
      </Text>
      {chart.lines.map((line, i) => (
        <Text key={i} color="cyan" wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text color="green" bold wrap="truncate-end">
        {markerLine(chart, marks, width - 1)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {axisLine(chart, starts, width - 1)}
      </Text>
      <Text wrap="truncate-end">
        <Text color="green">{cheapestNote}</Text>
        {currentNote === '' ? '' : ` · ${currentNote}`}
      </Text>
      <Text dimColor wrap="truncate-end">
        {toggle}
      </Text>
    </Box>
  );
}

/**
 * Where `value` lies among ascending `values`, as a fractional index (2.5 halfway between the third and fourth), or
 * null outside them.
 */
function fractionalIndex(values: readonly number[], value: number): number | null {
  for (let i = 0; i < values.length; i++) {
    const here = values[i] as number;
    if (value === here) return i;
    const next = values[i + 1];
    if (next !== undefined && value > here && value < next) return i + (value - here) / (next - here);
  }
  return null;
}
