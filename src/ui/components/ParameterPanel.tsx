import { Box, Text } from 'ink';
import { KNOB_UNIT_WIDTH, KNOB_VALUE_WIDTH, knobWindowStart } from '../model/layout.js';
import { cutMiddle, KNOB_LABEL_WIDTH, knobText } from '../model/knobs.js';
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
  // "Parameters: name", else the name alone (cut in the middle): the scroll position must stay visible.
  const room = width - 1 - more.length;
  const title = `Parameters: ${variantName}`.length <= room ? `Parameters: ${variantName}` : cutMiddle(variantName, room);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        {title}
        <Text dimColor>{more}</Text>
      </Text>
      {shown.map((knob, i) => {
        const index = start + i;
        const isSelected = index === selected;
        const original = originalValues.get(knob.id);
        const changed = original !== undefined && original !== knob.value;
        const value = `${changed ? '*' : ''}${knobText(knob)}`;
        // Values line up; one without a unit that is too long (a method's name) may use the unit's columns too.
        // A none value (∞, none) has no unit.
        const unitText = knob.value === null ? '' : knob.unit;
        const wide = unitText === '' && [...value].length > KNOB_VALUE_WIDTH;
        const valueWidth = wide ? KNOB_VALUE_WIDTH + 1 + KNOB_UNIT_WIDTH : KNOB_VALUE_WIDTH;
        const unit = wide ? '' : ` ${unitText.padEnd(KNOB_UNIT_WIDTH).slice(0, KNOB_UNIT_WIDTH)}`;
        const line = `${[...knob.label].slice(0, KNOB_LABEL_WIDTH).join('').padEnd(KNOB_LABEL_WIDTH)}${value.padStart(valueWidth).slice(-valueWidth)}${unit}`;
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
