import { Box, Text } from 'ink';
import { axisLine, lineChart } from '../model/charts.js';

export interface IntervalChartProps {
  readonly title: string;
  /** One value per interval of the day. */
  readonly values: readonly number[];
  /** The intervals' start times, "HH:MM". */
  readonly starts: readonly string[];
  readonly width: number;
  /** Lines of the plot. */
  readonly plotRows: number;
  /** Formats a y label. */
  readonly format: (value: number) => string;
  readonly min?: number;
  readonly max?: number;
  /** Colour of the line. */
  readonly color?: string;
}

/** A line chart of one metric by interval of the day (asciichart), with a title and a time axis. */
export function IntervalChart({ title, values, starts, width, plotRows, format, min, max, color }: IntervalChartProps) {
  const chart = lineChart(values, {
    width: width - 1,
    height: plotRows,
    format,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
  return (
    <Box flexDirection="column" width={width} height={plotRows + 2}>
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      {chart.lines.length === 0 ? (
        <Text dimColor>no figures</Text>
      ) : (
        chart.lines.map((line, i) => (
          <Text key={i} {...(color === undefined ? {} : { color })} wrap="truncate-end">
            {line}
          </Text>
        ))
      )}
      {chart.lines.length === 0 ? null : (
        <Text dimColor wrap="truncate-end">
          {axisLine(chart, starts, width - 1)}
        </Text>
      )}
    </Box>
  );
}
