import { Box, Text } from 'ink';
import type { ComparisonTable } from '../model/comparison.js';

export interface ComparisonPanelProps {
  /** The laid-out comparison (see `comparisonTable`). */
  readonly table: ComparisonTable;
  /** e.g. "analytic" or "simulated, ±95%". */
  readonly title: string;
  readonly width: number;
}

/** Key figures of every variant side by side, with differences to the first variant; agent groups under their names. */
export function ComparisonPanel({ table, title, width }: ComparisonPanelProps) {
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold>Key figures</Text>
        <Text dimColor>
          {' '}
          {title}
          {table.note === '' ? '' : ` · ${table.note}`}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        {table.header.map((cell, c) => (
          <Text key={c} bold underline={cell.selected === true}>
            {cell.text}
          </Text>
        ))}
      </Text>
      {table.rows.map((row, r) =>
        row[0]?.group === true ? (
          // An agent group's heading: its name across the row (its figures follow, indented).
          <Text key={r} bold wrap="truncate-end">
            {row[0].text}
          </Text>
        ) : (
        <Text key={r} wrap="truncate-end">
          {row.map((cell, c) => {
            const cellWidth = table.widths[c] ?? 8;
            const text = c === 0 ? cell.text.padEnd(cellWidth) : cell.text.padStart(cellWidth);
            const color = cell.better === true ? 'green' : cell.better === false ? 'red' : undefined;
            return (
              <Text key={c} dimColor={c === 0} {...(color === undefined ? {} : { color })}>
                {text}
              </Text>
            );
          })}
        </Text>
        ),
      )}
    </Box>
  );
}
