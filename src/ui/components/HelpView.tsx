import { Box, Text } from 'ink';
import { KEY_HELP } from '../model/keys.js';

export interface HelpViewProps {
  readonly width: number;
  readonly rows: number;
}

/** The full key list and what the screen shows. */
export function HelpView({ width, rows }: HelpViewProps) {
  const keyWidth = Math.max(...KEY_HELP.map((k) => k.keys.length)) + 2;
  const notes =
    'Figures are analytic (Erlang C/A per interval, with redials and repeat contacts) and recomputed at every change; ' +
    'r replaces them with simulated means ±95% until the next change. Δ is the difference to the first variant ' +
    '(* significant at 5% when simulated). Charts show the selected variant, averaged by interval of the day. ' +
    'Staffing knobs follow the variant: a target (service level and its time), agents, the agents of each shift, ' +
    'or the mean agents per interval (a step moves every interval by one).';
  const room = Math.max(0, rows - KEY_HELP.length - 2);
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Text bold>Keys</Text>
      {KEY_HELP.map((k) => (
        <Text key={k.keys} wrap="truncate-end">
          <Text color="cyan">{k.keys.padEnd(keyWidth)}</Text>
          {k.action}
        </Text>
      ))}
      {room > 0 ? (
        <Box height={room} overflow="hidden">
          <Text dimColor wrap="wrap">
            {notes}
          </Text>
        </Box>
      ) : null}
      <Text dimColor>any key closes this help</Text>
    </Box>
  );
}
