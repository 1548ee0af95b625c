import { Text } from 'ink';
import { footerLines } from '../model/keys.js';

export interface KeyFooterProps {
  readonly width: number;
  /** Whether the scenario has agent groups (then `g group` is shown). */
  readonly groups?: boolean;
}

/** The key help at the bottom: one line, or two on a narrow terminal, so that no key is left out. */
export function KeyFooter({ width, groups = false }: KeyFooterProps) {
  return (
    <>
      {footerLines(width - 1, groups).map((line) => (
        <Text key={line} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
    </>
  );
}
