import { Box, Text } from 'ink';
import { knobWindowStart } from '../model/layout.js';
import { knobText } from '../model/knobs.js';
import type { Knob } from '../model/knobs.js';

export interface ParameterPanelProps {
  /** The selected variant's knobs. */
  readonly knobs: readonly Knob[];
  /** Index of the selected knob. */
  readonly selected: number;
  /** Each knob's value in the file, to mark changed ones with `*`. */
  readonly originalValues: ReadonlyMap<string, number | null>;
  /** The variant the knobs belong to. */
  readonly variantName: string;
  readonly width: number;
  /** Knob lines that fit (the list scrolls to keep the selected one in view). */
  readonly visibleRows: number;
}

/** The parameters panel: one line per knob with its value and unit; `▸` marks the selected one. */
export function ParameterPanel({ knobs, selected, originalValues, variantName, width, visibleRows }: ParameterPanelProps) {
  const start = knobWindowStart(selected, knobs.length, visibleRows);
  const shown = knobs.slice(start, start + visibleRows);
  const more = knobs.length > visibleRows ? ` ${start + 1}–${start + shown.length}/${knobs.length}` : '';
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        Parameters: {variantName}
        <Text dimColor>{more}</Text>
      </Text>
      {shown.map((knob, i) => {
        const index = start + i;
        const isSelected = index === selected;
        const original = originalValues.get(knob.id);
        const changed = original !== undefined && original !== knob.value;
        const value = `${changed ? '*' : ''}${knobText(knob)}`;
        const line = `${knob.label.padEnd(16).slice(0, 16)}${value.padStart(8).slice(-8)} ${knob.unit.padEnd(3).slice(0, 3)}`;
        return (
          <Text key={knob.id} wrap="truncate-end">
            <Text color="cyan">{isSelected ? '▸' : ' '}</Text>
            <Text inverse={isSelected} {...(changed ? { color: 'yellow' } : {})}>
              {line}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
