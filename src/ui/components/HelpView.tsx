import { Box, Text } from 'ink';
import { helpLines } from '../model/keys.js';

export interface HelpViewProps {
  readonly width: number;
  readonly rows: number;
  /** Lines scrolled past (clamped to the last page). */
  readonly offset: number;
}

/** Lines of the help text that fit in `rows` (a title and a hint line take two). */
export function helpPageRows(rows: number): number {
  return Math.max(1, rows - 2);
}

/** The largest useful scroll offset of the help screen for a size. */
export function helpMaxOffset(width: number, rows: number): number {
  return Math.max(0, helpLines(width).length - helpPageRows(rows));
}

/** The full key list and what the screen shows, scrolled with ↑↓ when it is taller than the screen. */
export function HelpView({ width, rows, offset }: HelpViewProps) {
  const lines = helpLines(width);
  const page = helpPageRows(rows);
  const start = Math.min(Math.max(0, offset), helpMaxOffset(width, rows));
  const shown = lines.slice(start, start + page);
  const scrolls = lines.length > page;
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Text bold wrap="truncate-end">
        Keys
        <Text dimColor>{scrolls ? ` · lines ${start + 1}–${start + shown.length} of ${lines.length}` : ''}</Text>
      </Text>
      {shown.map((line, i) => (
        <Text key={start + i} wrap="truncate-end">
          <Text color="cyan">{line.keys}</Text>
          <Text dimColor={line.keys === '' && i + start > lines.findIndex((l) => l.keys === '' && l.text === '')}>{line.text}</Text>
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {scrolls ? '↑↓ scroll (space, b: a page) · any other key closes this help · q quits' : 'any key closes this help · q quits'}
      </Text>
    </Box>
  );
}
