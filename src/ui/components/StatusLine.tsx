import { Text } from 'ink';
import type { Message, Mode, SimulationState } from '../model/explorer-state.js';

export interface StatusLineProps {
  readonly mode: Mode;
  readonly simulation: SimulationState;
  readonly message: Message | null;
  /** What the selected knob is (shown when there is nothing else to say). */
  readonly hint: string;
  /** A standing warning (an unstable plan), shown instead of the hint. */
  readonly warning?: string | null;
  readonly width: number;
}

/**
 * One line for whatever needs saying now, in order: a prompt being typed, an overwrite or quit question, a running
 * simulation's progress, the last message, a standing warning (an unstable plan), else what the selected parameter is.
 */
export function StatusLine({ mode, simulation, message, hint, warning = null, width }: StatusLineProps) {
  if (mode.kind === 'prompt') {
    const chars = [...mode.line.text];
    const before = chars.slice(0, mode.line.cursor).join('');
    const at = chars[mode.line.cursor] ?? ' ';
    const after = chars.slice(mode.line.cursor + 1).join('');
    // The keys of the prompt, as far as they fit beside the label and the text (the text is what must stay).
    const used = [...`${mode.label}: ${mode.line.text} `].length + 1;
    const hint = [' ⏎ ok · Esc cancel · Ctrl-U clear', ' ⏎ ok · Esc · Ctrl-U clear', ''].find((h) => used + [...h].length <= width - 1) ?? '';
    return (
      <Text wrap="truncate-start">
        <Text color="cyan">{mode.label}: </Text>
        {before}
        <Text inverse>{at}</Text>
        {after}
        <Text dimColor>{hint}</Text>
      </Text>
    );
  }
  if (mode.kind === 'confirm-overwrite') {
    return (
      <Text color="yellow" wrap="truncate-start">
        {mode.path} exists. Overwrite it? (y/n)
      </Text>
    );
  }
  if (mode.kind === 'confirm-quit') {
    return (
      <Text color="yellow" wrap="truncate-end">
        The scenario has unsaved changes. Quit anyway? y quits · w saves first · n or Esc stays
      </Text>
    );
  }
  if (simulation.status === 'running') {
    const label = `simulating ${simulation.variant} `;
    const count = ` ${simulation.done}/${simulation.total} · Esc cancels`;
    const barWidth = Math.max(4, Math.min(30, width - label.length - count.length - 3));
    const filled = simulation.total > 0 ? Math.round((simulation.done / simulation.total) * barWidth) : 0;
    return (
      <Text wrap="truncate-end">
        <Text color="green">{label}</Text>[<Text color="green">{'█'.repeat(filled)}</Text>
        {'░'.repeat(barWidth - filled)}]{count}
      </Text>
    );
  }
  if (message !== null) {
    const color = message.kind === 'error' ? 'red' : message.kind === 'success' ? 'green' : undefined;
    return (
      <Text {...(color === undefined ? {} : { color })} wrap="truncate-end">
        {message.kind === 'error' ? '✗ ' : message.kind === 'success' ? '✓ ' : ''}
        {message.text}
      </Text>
    );
  }
  if (warning !== null) {
    return (
      <Text color="red" wrap="truncate-end">
        ⚠ {warning}
      </Text>
    );
  }
  return (
    <Text dimColor wrap="truncate-end">
      {hint}
    </Text>
  );
}
