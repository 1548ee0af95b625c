import { Box, Text } from 'ink';

export interface ErrorViewProps {
  /** What went wrong. */
  readonly error: unknown;
}

/** Shown in place of the screen when the explorer fails: the error, and that it is a bug to report. */
export function ErrorView({ error }: ErrorViewProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Box flexDirection="column">
      <Text color="red" bold>
        staffsim explore stopped: internal error
      </Text>
      <Text wrap="wrap">{message}</Text>
      <Text dimColor>This is a bug in staffsim; the terminal has been restored (exit code 70).</Text>
    </Box>
  );
}
