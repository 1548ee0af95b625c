import { InputError, type InputIssue } from '../../src/core/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';

/**
 * The sections of a small valid scenario, one entry per top-level key, each as its YAML lines.
 * Joined in this order, the text is:
 *
 *   1 name: Test centre
 *   2 calendar:
 *   3   open: "08:00"
 *   4   close: "16:00"
 *   5 demand:
 *   6   casesPerHour: 100
 *   7 handling:
 *   8   handleTime: { distribution: exponential, meanSeconds: 180 }
 *   9 staffing:
 *  10   agents: 10
 */
export const VALID_SECTIONS: Readonly<Record<string, string>> = {
  name: 'name: Test centre',
  calendar: 'calendar:\n  open: "08:00"\n  close: "16:00"',
  demand: 'demand:\n  casesPerHour: 100',
  handling: 'handling:\n  handleTime: { distribution: exponential, meanSeconds: 180 }',
  staffing: 'staffing:\n  agents: 10',
};

/**
 * A scenario text: the valid sections with some replaced (`null` removes one), then extra sections appended
 * in the given order.
 */
export function scenarioText(changes: Readonly<Record<string, string | null>> = {}): string {
  const lines: string[] = [];
  for (const [key, text] of Object.entries(VALID_SECTIONS)) {
    const change = changes[key];
    if (change === null) continue;
    lines.push(change ?? text);
  }
  for (const [key, text] of Object.entries(changes)) {
    if (!(key in VALID_SECTIONS) && text !== null) lines.push(text);
  }
  return `${lines.join('\n')}\n`;
}

/** The issues that loading `text` throws (fails the test when it loads). */
export function issuesOf(text: string, options: { file?: string; format?: 'yaml' | 'json' } = {}): InputIssue[] {
  try {
    parseScenarioText(text, { file: 'test.yaml', ...options });
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the scenario to be rejected, but it loaded');
}
