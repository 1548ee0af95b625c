import { Box, Text } from 'ink';
import type { WhatIfLine, WhatIfState } from '../model/what-if.js';
import { whatIfBodyLines, whatIfHeadLines } from '../model/what-if.js';

export interface WhatIfViewProps {
  /** The analysis (null: not started). */
  readonly whatIf: WhatIfState | null;
  /** Body lines scrolled past (clamped to the last page). */
  readonly offset: number;
  /** The variant `c` compares with next, to name it in the key line. */
  readonly nextAgainst: string | null;
  readonly width: number;
  readonly rows: number;
}

const TONES: Record<WhatIfLine['tone'], { color?: string; bold?: boolean; dimColor?: boolean }> = {
  title: { bold: true },
  heading: { bold: true, color: 'cyan' },
  plain: {},
  dim: { dimColor: true },
  good: { color: 'green' },
  bad: { color: 'red' },
  warn: { color: 'yellow' },
};

/** The lines and scroll range of the view at a size: the head stays, the body scrolls above the key line. */
export function whatIfScroll(whatIf: WhatIfState | null, width: number, rows: number): { head: WhatIfLine[]; body: WhatIfLine[]; page: number; maxOffset: number } {
  const head = whatIf === null ? [] : whatIfHeadLines(whatIf, width);
  const body = whatIf === null ? [] : whatIfBodyLines(whatIf, width);
  const page = Math.max(1, rows - head.length - 1);
  return { head, body, page, maxOffset: Math.max(0, body.length - page) };
}

/**
 * Sensitivity, break-even and what drives the difference of two variants, on the edited scenario, filled in as the
 * background analysis delivers each part.
 */
export function WhatIfView({ whatIf, offset, nextAgainst, width, rows }: WhatIfViewProps) {
  const { head, body, page, maxOffset } = whatIfScroll(whatIf, width - 1, rows);
  const start = Math.min(Math.max(0, offset), maxOffset);
  const shown = body.slice(start, start + page);
  const scroll = body.length > page ? `↑↓ scroll (${start + 1}–${start + shown.length} of ${body.length}) · ` : '';
  const against = nextAgainst === null ? '' : ` · c: against ${nextAgainst}`;
  const line = (l: WhatIfLine, key: string) => (
    <Text key={key} wrap="truncate-end" {...TONES[l.tone]}>
      {l.text === '' ? ' ' : l.text}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width} height={rows}>
      {whatIf === null ? <Text>starting the analysis…</Text> : head.map((l, i) => line(l, `h${i}`))}
      <Box flexDirection="column" height={page}>
        {shown.map((l, i) => line(l, `b${start + i}`))}
      </Box>
      <Text dimColor wrap="truncate-end">
        {scroll}tab: another variant{against} · Esc back (edits restart it)
      </Text>
    </Box>
  );
}
