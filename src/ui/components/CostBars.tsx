import { Box, Text } from 'ink';
import type { MetricEstimates } from '../../report/report.js';
import { costBar, costLinesUsed } from '../model/charts.js';
import type { CostLine } from '../model/charts.js';
import { compactNumber } from '../model/figures.js';
import { distinctLabels } from '../model/knobs.js';

export interface CostBarsProps {
  /** Each variant's name and totals (null: no figures). */
  readonly variants: readonly { readonly name: string; readonly totals: MetricEstimates | null }[];
  readonly selected: number;
  readonly currency: string;
  readonly width: number;
  /** Lines available. */
  readonly rows: number;
}

/**
 * One stacked bar per variant, scaled to the most expensive: each cost line has its own character (and colour), so
 * the bars read without colour too; the legend lists the lines that occur.
 */
export function CostBars({ variants, selected, currency, width, rows }: CostBarsProps) {
  const present = variants.flatMap((v) => (v.totals === null ? [] : [v.totals]));
  const scale = Math.max(0, ...present.map((t) => t.totalCost.mean).filter((x) => Number.isFinite(x)));
  const nameWidth = Math.min(width >= 34 ? 12 : 11, Math.max(4, ...variants.map((v) => v.name.length)));
  const names = distinctLabels(variants.map((v) => v.name), nameWidth);
  const totalWidth = 7;
  const barWidth = Math.max(4, width - nameWidth - totalWidth - 3);
  // The legend, wrapped: each entry is its character (in its colour) and the line's name.
  const legendLines: CostLine[][] = [];
  const entryWidth = (line: CostLine): number => line.label.length + 2;
  for (const line of costLinesUsed(present)) {
    const last = legendLines[legendLines.length - 1];
    const used = last === undefined ? 0 : last.reduce((sum, l) => sum + entryWidth(l) + 2, -2);
    if (last !== undefined && used + 2 + entryWidth(line) <= width - 1) last.push(line);
    else legendLines.push([line]);
  }
  const room = Math.max(0, rows - 1 - variants.length);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        Cost breakdown <Text dimColor>({currency}, whole run)</Text>
      </Text>
      {variants.map((variant, i) => {
        const segments = variant.totals === null ? [] : costBar(variant.totals, scale, barWidth);
        const total = variant.totals === null ? 'n/a' : compactNumber(variant.totals.totalCost.mean);
        return (
          <Text key={variant.name} wrap="truncate-end">
            <Text bold={i === selected}>{(names[i] ?? variant.name).padEnd(nameWidth)} </Text>
            {segments.map((segment) => (
              <Text key={segment.line.metric} color={segment.line.color}>
                {segment.line.char.repeat(segment.width)}
              </Text>
            ))}
            <Text>{' '.repeat(Math.max(0, barWidth - segments.reduce((sum, s) => sum + s.width, 0)))}</Text>
            <Text> {total.padStart(totalWidth)}</Text>
          </Text>
        );
      })}
      {legendLines.slice(0, room).map((entries, i) => (
        <Text key={i} wrap="truncate-end">
          {entries.map((line, j) => (
            <Text key={line.metric}>
              {j === 0 ? '' : '  '}
              <Text color={line.color}>{line.char}</Text>
              <Text dimColor> {line.label}</Text>
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
