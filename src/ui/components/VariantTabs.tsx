import { Box, Text } from 'ink';
import { distinctLabels } from '../model/knobs.js';

export interface VariantTabsProps {
  /** Variant names, in file order. */
  readonly names: readonly string[];
  /** Index of the selected variant. */
  readonly selected: number;
  /** Names of the variants that differ from the file. */
  readonly edited: ReadonlySet<string>;
  readonly width: number;
}

/**
 * The variant tabs: `[2 mediocre]` is selected (brackets, so it shows without colour too); `*` marks an edited
 * variant. Tab / shift+Tab or 1–9 switch.
 */
export function VariantTabs({ names, selected, edited, width }: VariantTabsProps) {
  const nameWidth = Math.max(6, Math.floor((width - 10) / Math.max(1, names.length)) - 5);
  const labels = distinctLabels(names, nameWidth);
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        <Text dimColor>variants </Text>
        {names.map((name, i) => {
          const label = `${i + 1} ${labels[i] ?? name}${edited.has(name) ? '*' : ''}`;
          return i === selected ? (
            <Text key={name} bold inverse>
              [{label}]
            </Text>
          ) : (
            <Text key={name}> {label} </Text>
          );
        })}
        <Text dimColor> tab ⇆</Text>
      </Text>
    </Box>
  );
}
