import { Box, Text } from 'ink';
import { KNOB_UNIT_WIDTH, KNOB_VALUE_WIDTH, knobWindowStart, panelLines } from '../model/layout.js';
import { cutEnd, cutMiddle, KNOB_LABEL_WIDTH, knobText } from '../model/knobs.js';
import type { Knob } from '../model/knobs.js';

export interface ParameterPanelProps {
  /** The selected variant's knobs (with agent groups: the selected group's, then the whole scenario's). */
  readonly knobs: readonly Knob[];
  /** Index of the selected knob. */
  readonly selected: number;
  /** Each knob's value in the file, to mark changed ones with `*`. */
  readonly originalValues: ReadonlyMap<string, number | null>;
  /** The variant the knobs belong to. */
  readonly variantName: string;
  /** The agent groups of the variant (empty without groups), to say which one of how many is shown. */
  readonly groups?: readonly string[];
  readonly width: number;
  /** Lines that fit below the title (the list scrolls to keep the selected knob in view). */
  readonly visibleRows: number;
}

/**
 * The parameters panel: one line per knob with its value and unit; `▸` marks the selected one. With agent groups the
 * group's knobs come under its name (`g` shows the next group), the whole scenario's under "whole scenario".
 */
export function ParameterPanel({ knobs, selected, originalValues, variantName, groups = [], width, visibleRows }: ParameterPanelProps) {
  const lines = panelLines(knobs);
  const selectedLine = Math.max(0, lines.findIndex((line) => line.type === 'knob' && line.index === selected));
  // Keep the heading of the selected knob's section in view when the knob is its first.
  const anchor = selectedLine > 0 && lines[selectedLine - 1]?.type !== 'knob' ? selectedLine - 1 : selectedLine;
  const start = Math.min(knobWindowStart(selectedLine, lines.length, visibleRows), anchor);
  const shown = lines.slice(start, start + visibleRows);
  const more = lines.length > visibleRows ? ` ${start + 1}–${start + shown.length}/${lines.length}` : '';
  // "Parameters: name", else the name alone (cut in the middle): the scroll position must stay visible.
  const room = width - 1 - more.length;
  const title = `Parameters: ${variantName}`.length <= room ? `Parameters: ${variantName}` : cutMiddle(variantName, room);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        {title}
        <Text dimColor>{more}</Text>
      </Text>
      {shown.map((line, i) => {
        if (line.type === 'group') {
          const position = groups.length > 1 ? ` · ${groups.indexOf(line.group) + 1}/${groups.length} g ⇆` : '';
          return (
            <Text key={`group:${line.group}`} wrap="truncate-end">
              {' '}
              <Text bold underline>
                {cutEnd(line.group, Math.max(4, width - 2 - position.length))}
              </Text>
              <Text dimColor>{position}</Text>
            </Text>
          );
        }
        if (line.type === 'scenario') {
          return (
            <Text key={`scenario:${start + i}`} dimColor bold wrap="truncate-end">
              {' '}whole scenario
            </Text>
          );
        }
        const knob = knobs[line.index] as Knob;
        const isSelected = line.index === selected;
        const original = originalValues.get(knob.id);
        const changed = original !== undefined && original !== knob.value;
        const value = `${changed ? '*' : ''}${knobText(knob)}`;
        // Values line up; one without a unit that is too long (a method's name) may use the unit's columns too.
        // A none value (∞, none) has no unit.
        const unitText = knob.value === null ? '' : knob.unit;
        const wide = unitText === '' && [...value].length > KNOB_VALUE_WIDTH;
        const valueWidth = wide ? KNOB_VALUE_WIDTH + 1 + KNOB_UNIT_WIDTH : KNOB_VALUE_WIDTH;
        const unit = wide ? '' : ` ${unitText.padEnd(KNOB_UNIT_WIDTH).slice(0, KNOB_UNIT_WIDTH)}`;
        const text = `${[...knob.label].slice(0, KNOB_LABEL_WIDTH).join('').padEnd(KNOB_LABEL_WIDTH)}${value.padStart(valueWidth).slice(-valueWidth)}${unit}`;
        return (
          <Text key={knob.id} wrap="truncate-end">
            <Text color="cyan">{isSelected ? '▸' : ' '}</Text>
            <Text inverse={isSelected} {...(changed ? { color: 'yellow' } : {})}>
              {text}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
