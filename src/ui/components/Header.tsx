import { Box, Text } from 'ink';

export interface HeaderProps {
  /** The scenario's name. */
  readonly scenarioName: string;
  /** Where the figures come from, e.g. "analytic estimates (Erlang A), recomputed in 12 ms". */
  readonly source: string;
  /** Whether the figures are simulated (shown in another colour). */
  readonly simulated: boolean;
  /** Whether the scenario has unsaved changes. */
  readonly edited: boolean;
  /** Width of the screen. */
  readonly width: number;
}

/**
 * The first line: product and scenario on the left, where the figures come from on the right. When space is short
 * the scenario's name gives way; "(edited)" and the source do not.
 */
export function Header({ scenarioName, source, simulated, edited, width }: HeaderProps) {
  const marker = edited ? ' (edited)' : '';
  const leftWidth = Math.max(10, width - source.length - 2);
  return (
    <Box width={width} justifyContent="space-between">
      <Box width={leftWidth}>
        <Box flexShrink={1}>
          <Text wrap="truncate-end">
            <Text bold>staffsim explore</Text> · {scenarioName}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text color="yellow">{marker}</Text>
        </Box>
      </Box>
      <Box flexShrink={0}>
        <Text color={simulated ? 'green' : 'cyan'} wrap="truncate-end">
          {source}
        </Text>
      </Box>
    </Box>
  );
}
