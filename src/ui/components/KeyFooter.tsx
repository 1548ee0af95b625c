import { Text } from 'ink';
import { footerLines } from '../model/keys.js';

export interface KeyFooterProps {
  readonly width: number;
}

/** The key help at the bottom: one line, or two on a narrow terminal, so that no key is left out. */
export function KeyFooter({ width }: KeyFooterProps) {
  return (
    <>
      {footerLines(width - 1).map((line) => (
        <Text key={line} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
    </>
  );
}
