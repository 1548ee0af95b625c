/** The explorer's keys: one list for the help screen, the footer and the README. */
import wrapAnsi from 'wrap-ansi';

export interface KeyHelp {
  /** The keys as shown in the help screen. */
  readonly keys: string;
  /** What they do. */
  readonly action: string;
  /** The footer's short form, or null when the footer leaves it out. */
  readonly short: string | null;
  /** Footer priority: lower numbers are kept first when the line is short. */
  readonly priority?: number;
  /** Only for a scenario with agent groups (the footer leaves it out otherwise). */
  readonly groupsOnly?: boolean;
  /** Left out of the footer when that keeps it on one line (the help screen still lists it). */
  readonly spare?: boolean;
}

export const KEY_HELP: readonly KeyHelp[] = [
  { keys: '↑ ↓  (k j)', action: 'select a parameter', short: '↑↓←→ edit', priority: 0 },
  { keys: '← →  (- +)', action: 'change it by a step (a method: the next one)', short: null },
  { keys: 'shift+← →  ([ ])', action: 'change it by a large step', short: null },
  {
    keys: 'Enter',
    action:
      'type a value: Enter sets it, Esc cancels, Backspace and Ctrl-U (everything before the cursor) delete; shares as 86, 86% or 0.86; ∞ or none for infinite patience, no occupancy cap or an unlimited queue; times as 08:30',
    short: '⏎ type',
    priority: 2,
  },
  { keys: 'u', action: 'undo the last change', short: 'u undo', priority: 4 },
  { keys: 'Tab  shift+Tab', action: 'next / previous variant', short: 'tab variant', priority: 3 },
  { keys: '1 … 9', action: 'go to variant n', short: null },
  {
    keys: 'g  G',
    action: 'next / previous agent group (a scenario with groups): the parameters of that group, and on a small screen its key figures',
    short: 'g group',
    priority: 3,
    groupsOnly: true,
  },
  { keys: 'd', action: 'the day the charts show: the mean of every day, then day 1, 2, …', short: 'd day', priority: 5 },
  { keys: 'r', action: 'simulate every variant (replications on worker threads; Esc or any change cancels)', short: 'r simulate', priority: 1 },
  { keys: 's', action: 'sweep: total cost against the staffing target or first-contact resolution, of the selected group with groups (t toggles); unstable points are marked ∞', short: 's sweep', priority: 1 },
  {
    keys: 'a',
    action:
      'what-if: what the cost difference of the selected variant and the first depends on most, where it breaks even, what drives it; in the background, restarted after each edit',
    short: 'a what-if',
    priority: 1,
    spare: true,
  },
  { keys: 'e', action: 'export the comparison as XLSX and CSV, in the current folder unless you type a path', short: 'e export', priority: 1 },
  { keys: 'w', action: 'save the edited scenario (every variant) as a new file in the current folder; asks before overwriting', short: 'w save', priority: 1 },
  { keys: 'o', action: "open another scenario from the open file's folder or the shipped ones", short: 'o open', priority: 1 },
  { keys: 'Esc', action: 'cancel the simulation, a prompt or this screen', short: null },
  { keys: '?', action: 'this help (↑↓ scroll)', short: '? help', priority: 0 },
  { keys: 'q  Ctrl-C', action: 'quit (q asks first when there are unsaved changes)', short: 'q quit', priority: 0 },
];

/** What the screen shows, for the help screen after the keys. */
export const HELP_NOTES =
  'Figures are analytic (Erlang C/A per interval, with redials and repeat contacts) and recomputed at every change; ' +
  'r replaces them with simulated means ±95% until the next change. Δ is the difference to the first variant ' +
  '(* significant at 5% when simulated). The charts show the selected variant by interval of the day, as the mean of ' +
  'every day or for one day (d); the service-level chart draws the target as a dashed line. ' +
  'Staffing knobs follow the variant: a target (service level, its time, the occupancy cap and the method), agents, ' +
  'the agents of each shift, or the mean agents per interval (a step moves every interval by one). Without a patience ' +
  'nobody hangs up, so a target is staffed by Erlang C. Opening hours move the day: its cases are spread over the new ' +
  'hours. With agent groups the panel shows one group at a time (g switches): its staffing, handle time, first-contact ' +
  'resolution or outcome shares (set one and the others keep their proportions, so they add up to 100%), waiting places ' +
  '(max queue; 0 = a transfer to a busy group is lost), callbacks and prices; then the whole scenario\'s knobs. The key ' +
  'figures add calls dialled per case, transfers lost, tasks started on time and each group\'s paid hours, occupancy and ' +
  'blocked share; the cost bars split the staff cost by group. A plan in which calls without patience arrive faster ' +
  'than the agents answer is unstable: its waits and total cost are ∞ and the status line names the intervals. ' +
  'What-if (a) is `staffsim sensitivity` and `compare --explain` on the edited scenario (inputs ±25%, analytic; c: against another variant). ' +
  'Exports and saves go to the current folder.';

const FOOTER_GAP = '  ';

/**
 * The footer: every short key on one line when it fits in `width`, else the keys without the spare ones when they
 * fit, else every key on two lines; on a very narrow screen the most important keys (editing, actions, help and quit)
 * that fit. Keys keep their help-screen order; the group key only
 * with agent groups.
 * @example footerLines(120) // ['↑↓←→ edit  ⏎ type  u undo  tab variant  d day  r simulate  s sweep  a what-if  e export  w save  o open  ? help  q quit']
 */
export function footerLines(width: number, groups = false): string[] {
  const entries = KEY_HELP.flatMap((k, order) =>
    k.short === null || (k.groupsOnly === true && !groups) ? [] : [{ text: k.short, order, priority: k.priority ?? 9, spare: k.spare === true }],
  );
  const line = (list: readonly { text: string; order: number }[]): string => [...list].sort((a, b) => a.order - b.order).map((e) => e.text).join(FOOTER_GAP);
  const all = line(entries);
  if (all.length <= width) return [all];
  const needed = line(entries.filter((e) => !e.spare));
  if (needed.length <= width) return [needed];
  // Two lines, split where the first is as full as it can be.
  const texts = entries.map((e) => e.text);
  for (let split = texts.length - 1; split > 0; split--) {
    const first = texts.slice(0, split).join(FOOTER_GAP);
    const second = texts.slice(split).join(FOOTER_GAP);
    if (first.length <= width && second.length <= width) return [first, second];
  }
  const byPriority = [...entries].sort((a, b) => a.priority - b.priority || a.order - b.order);
  const chosen: typeof entries = [];
  for (const entry of byPriority) if (line([...chosen, entry]).length <= width) chosen.push(entry);
  return [line(chosen)];
}

/**
 * The help screen as lines of at most `width` characters: the keys (long actions wrapped under their key), then the
 * notes, wrapped.
 */
export function helpLines(width: number): { readonly keys: string; readonly text: string }[] {
  const keyWidth = Math.max(...KEY_HELP.map((k) => k.keys.length)) + 2;
  const lines: { keys: string; text: string }[] = [];
  for (const k of KEY_HELP) {
    wrap(k.action, Math.max(10, width - keyWidth)).forEach((text, i) => lines.push({ keys: (i === 0 ? k.keys : '').padEnd(keyWidth), text }));
  }
  lines.push({ keys: '', text: '' });
  for (const text of wrap(HELP_NOTES, width)) lines.push({ keys: '', text });
  return lines;
}

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, width, { hard: true, trim: true }).split('\n');
}
