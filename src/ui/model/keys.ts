/** The explorer's keys: one list for the help screen, the footer and the README. */

export interface KeyHelp {
  /** The keys as shown in the help screen. */
  readonly keys: string;
  /** What they do. */
  readonly action: string;
  /** The footer's short form, or null when the footer leaves it out. */
  readonly short: string | null;
  /** Footer priority: lower numbers are kept first when the line is short. */
  readonly priority?: number;
}

export const KEY_HELP: readonly KeyHelp[] = [
  { keys: '↑ ↓  (k j)', action: 'select a parameter', short: '↑↓←→ edit', priority: 0 },
  { keys: '← →  (- +)', action: 'change it by a step', short: null },
  { keys: 'shift+← →  ([ ])', action: 'change it by a large step', short: null },
  { keys: 'Enter', action: 'type a value (Enter sets it, Esc cancels; ∞ or none for infinite patience)', short: '⏎ type', priority: 2 },
  { keys: 'u', action: 'undo the last change', short: 'u undo', priority: 4 },
  { keys: 'Tab  shift+Tab', action: 'next / previous variant', short: 'tab variant', priority: 3 },
  { keys: '1 … 9', action: 'go to variant n', short: null },
  { keys: 'r', action: 'simulate every variant (replications on worker threads; Esc or any change cancels)', short: 'r simulate', priority: 1 },
  { keys: 's', action: 'sweep: total cost against the staffing target or first-contact resolution (t toggles)', short: 's sweep', priority: 1 },
  { keys: 'e', action: 'export the comparison as XLSX and CSV (beside the scenario, or a path you type)', short: 'e export', priority: 1 },
  { keys: 'w', action: 'save the edited scenario (every variant) as a new file; asks before overwriting', short: 'w save', priority: 1 },
  { keys: 'o', action: 'open another scenario from the same folder', short: 'o open', priority: 1 },
  { keys: 'Esc', action: 'cancel the simulation, a prompt or this screen', short: null },
  { keys: '?', action: 'this help', short: '? help', priority: 0 },
  { keys: 'q  Ctrl-C', action: 'quit', short: 'q quit', priority: 0 },
];

/**
 * The footer: the short keys that fit in `width`, the most important first (editing, actions, help and quit), shown
 * in help-screen order.
 * @example footerText(72) // '↑↓←→ edit  r simulate  s sweep  e export  w save  o open  ? help  q quit'
 */
export function footerText(width: number): string {
  const entries = KEY_HELP.flatMap((k, order) => (k.short === null ? [] : [{ text: k.short, order, priority: k.priority ?? 9 }]));
  const byPriority = [...entries].sort((a, b) => a.priority - b.priority || a.order - b.order);
  const chosen: typeof entries = [];
  const line = (list: typeof entries): string => [...list].sort((a, b) => a.order - b.order).map((e) => e.text).join('  ');
  for (const entry of byPriority) {
    if (line([...chosen, entry]).length <= width) chosen.push(entry);
  }
  return line(chosen);
}
