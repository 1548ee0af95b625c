import { Box, Text } from 'ink';
import type { GroupResult, MetricEstimates } from '../../report/report.js';
import { costAmounts, costBar, costLinesUsed } from '../model/charts.js';
import type { CostLine } from '../model/charts.js';
import { compactNumber } from '../model/figures.js';
import { cutEnd, distinctLabels } from '../model/knobs.js';

/** The widest agent group name in the legend. */
const LEGEND_NAME_WIDTH = 14;

export interface CostBarsProps {
  /**
   * Each variant's name and totals (null: no figures), its agent groups' figures (to split the staff cost by group),
   * and whether its plan is unstable (its total cost is unbounded: no bar, ∞).
   */
  readonly variants: readonly {
    readonly name: string;
    readonly totals: MetricEstimates | null;
    readonly groups?: readonly GroupResult[];
    readonly unstable?: boolean;
  }[];
  /** The scenario's agent groups in file order (each keeps its character in every bar). */
  readonly groupOrder?: readonly string[];
  readonly selected: number;
  readonly currency: string;
  readonly width: number;
  /** Lines available. */
  readonly rows: number;
}

/**
 * One stacked bar per variant, scaled to the most expensive: each cost line has its own character (and colour), so
 * the bars read without colour too; with agent groups the staff cost is split into each group's. The legend lists
 * the lines that occur. A variant whose plan is unstable has no bar and a total of ∞.
 */
export function CostBars({ variants, groupOrder = [], selected, currency, width, rows }: CostBarsProps) {
  const bars = variants.map((v) => (v.totals === null || v.unstable === true ? null : costAmounts(v.totals, v.groups, groupOrder)));
  const scale = Math.max(
    0,
    ...variants.flatMap((v) => (v.totals === null || v.unstable === true ? [] : [v.totals.totalCost.mean])).filter((x) => Number.isFinite(x)),
  );
  const nameWidth = Math.min(width >= 34 ? 12 : 11, Math.max(4, ...variants.map((v) => v.name.length)));
  const names = distinctLabels(variants.map((v) => v.name), nameWidth);
  const totalWidth = 7;
  const barWidth = Math.max(4, width - nameWidth - totalWidth - 3);
  // The legend, wrapped: each entry is its character (in its colour) and the line's name.
  const legendLines: CostLine[][] = [];
  const label = (line: CostLine): string => cutEnd(line.label, LEGEND_NAME_WIDTH);
  const entryWidth = (line: CostLine): number => [...label(line)].length + 2;
  for (const line of costLinesUsed(bars.flatMap((b) => (b === null ? [] : [b])))) {
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
        const amounts = bars[i] ?? null;
        const segments = amounts === null ? [] : costBar(amounts, scale, barWidth);
        const total = variant.totals === null ? 'n/a' : variant.unstable === true ? '∞' : compactNumber(variant.totals.totalCost.mean);
        const filled = segments.reduce((sum, s) => sum + s.width, 0);
        return (
          <Text key={variant.name} wrap="truncate-end">
            <Text bold={i === selected}>{(names[i] ?? variant.name).padEnd(nameWidth)} </Text>
            {variant.unstable === true && variant.totals !== null ? (
              <Text color="red">{cutEnd('unstable (∞ wait)', barWidth).padEnd(barWidth)}</Text>
            ) : (
              <>
                {segments.map((segment) => (
                  <Text key={segment.line.key} color={segment.line.color}>
                    {segment.line.char.repeat(segment.width)}
                  </Text>
                ))}
                <Text>{' '.repeat(Math.max(0, barWidth - filled))}</Text>
              </>
            )}
            <Text> {total.padStart(totalWidth)}</Text>
          </Text>
        );
      })}
      {legendLines.slice(0, room).map((entries, i) => (
        <Text key={i} wrap="truncate-end">
          {entries.map((line, j) => (
            <Text key={line.key}>
              {j === 0 ? '' : '  '}
              <Text color={line.color}>{line.char}</Text>
              <Text dimColor> {label(line)}</Text>
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
