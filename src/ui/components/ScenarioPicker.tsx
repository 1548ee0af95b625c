import { resolve } from 'node:path';
import { Box, Text } from 'ink';

export interface ScenarioPickerProps {
  /** Scenario files to choose from. */
  readonly files: readonly string[];
  /** The highlighted one. */
  readonly index: number;
  /** The file open now. */
  readonly currentPath: string;
  /** Whether opening another file would drop unsaved changes. */
  readonly edited: boolean;
  readonly width: number;
  readonly rows: number;
}

/** The list of scenario files to open (↑/↓, Enter, Esc). */
export function ScenarioPicker({ files, index, currentPath, edited, width, rows }: ScenarioPickerProps) {
  const visible = Math.max(1, rows - 3);
  const start = Math.max(0, Math.min(files.length - visible, index - Math.floor(visible / 2)));
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Text bold>Open a scenario</Text>
      {files.slice(start, start + visible).map((file, i) => {
        const selected = start + i === index;
        const current = resolve(file) === resolve(currentPath);
        return (
          <Text key={file} wrap="truncate-end">
            <Text color="cyan">{selected ? '▸ ' : '  '}</Text>
            <Text inverse={selected}>{file}</Text>
            {current ? <Text dimColor> (open now)</Text> : null}
          </Text>
        );
      })}
      <Text dimColor wrap="truncate-end">
        ↑↓ choose · Enter open · Esc back{edited ? ' · unsaved changes will be dropped (w saves them)' : ''}
      </Text>
    </Box>
  );
}
