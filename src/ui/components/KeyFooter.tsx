import { Text } from 'ink';
import { footerText } from '../model/keys.js';

export interface KeyFooterProps {
  readonly width: number;
}

/** The one-line key help at the bottom. */
export function KeyFooter({ width }: KeyFooterProps) {
  return (
    <Text dimColor wrap="truncate-end">
      {footerText(width - 1)}
    </Text>
  );
}
