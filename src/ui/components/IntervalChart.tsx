import { Box, Text } from 'ink';
import { axisLine, lineChart, REFERENCE_CHAR } from '../model/charts.js';

export interface IntervalChartProps {
  /** What is drawn, for which variant and day, e.g. "Service level % · world-class · mean of 5 days". */
  readonly title: string;
  /** One value per interval of the day. */
  readonly values: readonly number[];
  /** The intervals' start times, "HH:MM". */
  readonly starts: readonly string[];
  readonly width: number;
  /** Lines of the plot. */
  readonly plotRows: number;
  readonly min?: number;
  readonly max?: number;
  /** A target drawn as a dashed line. */
  readonly reference?: number;
  /** Colour of the line. */
  readonly color?: string;
}

/** A line chart of one metric by interval of the day (asciichart), with a title, a time axis and an optional target line. */
export function IntervalChart({ title, values, starts, width, plotRows, min, max, reference, color }: IntervalChartProps) {
  const chart = lineChart(values, {
    width: width - 1,
    height: plotRows,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(reference === undefined ? {} : { reference }),
  });
  const lineColor = color === undefined ? {} : { color };
  return (
    <Box flexDirection="column" width={width} height={plotRows + 2}>
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      {chart.lines.length === 0 ? (
        <Text dimColor>no figures</Text>
      ) : (
        chart.lines.map((line, i) =>
          i === chart.referenceLine ? (
            <Text key={i} wrap="truncate-end">
              {[...line].map((ch, c) =>
                ch === REFERENCE_CHAR ? (
                  <Text key={c} color="yellow">
                    {ch}
                  </Text>
                ) : (
                  <Text key={c} {...lineColor}>
                    {ch}
                  </Text>
                ),
              )}
            </Text>
          ) : (
            <Text key={i} {...lineColor} wrap="truncate-end">
              {line}
            </Text>
          ),
        )
      )}
      {chart.lines.length === 0 ? null : (
        <Text dimColor wrap="truncate-end">
          {axisLine(chart, starts, width - 1)}
        </Text>
      )}
    </Box>
  );
}
