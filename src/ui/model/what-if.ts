/**
 * The explorer's what-if view, as text: which inputs the cost difference of two variants depends on most (the tornado
 * of `staffsim sensitivity`), where it breaks even (the same sentences), and what drives it (the Shapley parts of
 * `compare --explain`), all on the scenario as edited. The analysis arrives a message at a time
 * (`runner/sensitivity-thread.ts`); these functions show whatever has arrived so far. Pure.
 */
import wrapAnsi from 'wrap-ansi';
import type { Explanation } from '../../core/sensitivity/explanation.js';
import type { PointStatus, PointTotals, SensitivityResult, SensitivityRow } from '../../core/sensitivity/sensitivity-result.js';
import { tornadoOrder } from '../../core/sensitivity/swing.js';
import { partsBySize } from '../../report/explain.js';
import { formatMoney, formatNumber } from '../../report/format.js';
import { bar, breakEvenSentence, formatInputValue, signedMoney, summarySentence } from '../../report/sensitivity.js';
import type { WhatIfMessage } from '../../runner/sensitivity-thread.js';
import type { LoadedScenario } from '../../scenario/load.js';

/** The analysis of one scenario (as edited) and pair of variants, as far as it has come. */
export interface WhatIfState {
  readonly scenario: LoadedScenario;
  /** The compared variants: the difference is the second's total minus the first's (one: its total only). */
  readonly variants: readonly string[];
  readonly status: 'computing' | 'done' | 'failed';
  /** The totals at the edited values, the number of inputs and those not varied; null until the thread has them. */
  readonly start: Extract<WhatIfMessage, { kind: 'start' }> | null;
  /** The Shapley parts (two variants), null until computed. */
  readonly explanation: Explanation | null;
  /** One per input, in the order computed (not yet by swing). */
  readonly rows: readonly SensitivityRow[];
  /** Why the analysis stopped (status failed). */
  readonly problem: string | null;
  /** Seconds the analysis took (status done). */
  readonly seconds: number | null;
}

/** A line of the view and how it is drawn. */
export interface WhatIfLine {
  readonly text: string;
  readonly tone: 'title' | 'heading' | 'plain' | 'dim' | 'good' | 'bad' | 'warn';
}

/**
 * The variants the view compares: the selected one against `against` (default: the first variant); with the first
 * selected, the first two, as `staffsim sensitivity` does by default. One variant alone: only its total.
 * @example whatIfPair(['switchboard', 'mediocre', 'world-class'], 2, null) // ['switchboard', 'world-class']
 * @example whatIfPair(['switchboard', 'mediocre', 'world-class'], 0, null) // ['switchboard', 'mediocre']
 */
export function whatIfPair(names: readonly string[], selected: number, against: string | null): string[] {
  const first = against !== null && names.includes(against) ? against : names[0];
  if (first === undefined) return [];
  const chosen = names[selected];
  const second = chosen !== undefined && chosen !== first ? chosen : names.find((name) => name !== first);
  return second === undefined ? [first] : [first, second];
}

/** The variant after `current` in `names` (for `c`: compare with another). */
export function nextAgainst(names: readonly string[], current: string | null): string | null {
  if (names.length === 0) return null;
  const at = Math.max(0, names.indexOf(current ?? names[0] ?? ''));
  return names[(at + 1) % names.length] ?? null;
}

/** An analysis just started. */
export function startedWhatIf(scenario: LoadedScenario, variants: readonly string[]): WhatIfState {
  return { scenario, variants, status: 'computing', start: null, explanation: null, rows: [], problem: null, seconds: null };
}

/**
 * The state after one more message of the analysis.
 * @param seconds time since the analysis started (kept when it is done)
 */
export function withWhatIfMessage(state: WhatIfState, message: WhatIfMessage, seconds: number): WhatIfState {
  switch (message.kind) {
    case 'start':
      return { ...state, start: message, variants: message.variants };
    case 'explanation':
      return { ...state, explanation: message.explanation };
    case 'row':
      return { ...state, rows: [...state.rows, message.row] };
    case 'problem':
      return { ...state, status: 'failed', problem: message.message };
    case 'done':
      return { ...state, status: 'done', seconds };
  }
}

/** The rows so far as a sensitivity result (rows by swing, largest first), or null before the thread has started. */
export function whatIfResult(state: WhatIfState): SensitivityResult | null {
  const start = state.start;
  if (start === null) return null;
  return {
    scenario: state.scenario.name,
    currency: start.currency,
    variants: start.variants,
    source: 'analytic',
    range: start.range,
    replications: null,
    seed: null,
    atBase: start.atBase,
    rows: tornadoOrder(state.rows).map((i) => state.rows[i] as SensitivityRow),
    notVaried: start.notVaried,
  };
}

/** The difference (second − first) at a point, or the one variant's total; NaN where it is not finite. */
function chartedAt(point: PointTotals, pair: boolean): number {
  const [a, b] = point.totals;
  if (!pair) return a !== undefined && Number.isFinite(a) ? a : Number.NaN;
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) ? b - a : Number.NaN;
}

/** The variants that have no finite cost at a point: "mediocre unstable". */
function problemsAt(point: PointTotals, variants: readonly string[]): string {
  const word = (status: PointStatus): string => (status === 'unstable' ? 'unstable' : 'infeasible');
  return point.status.flatMap((status, i) => (status === 'ok' ? [] : [`${variants[i] ?? ''} ${word(status)}`])).join(', ');
}

/**
 * "+1,234" / "−1,234" (no currency), or the variant without a finite cost: "mediocre ∞" (unstable), "lean ✗"
 * (infeasible), "both ∞".
 */
function cell(point: PointTotals, variants: readonly string[], pair: boolean): string {
  const value = chartedAt(point, pair);
  if (Number.isFinite(value)) {
    if (!pair) return formatNumber(value, 0);
    return value > 0 ? `+${formatNumber(value, 0)}` : value < 0 ? `−${formatNumber(-value, 0)}` : '0';
  }
  const mark = (status: PointStatus): string => (status === 'unstable' ? '∞' : '✗');
  const failing = point.status.flatMap((status, i) => (status === 'ok' ? [] : [{ name: variants[i] ?? '', mark: mark(status) }]));
  if (failing.length > 1 && failing.length === point.status.length) return `${failing.length === 2 ? 'both' : 'all'} ${[...new Set(failing.map((f) => f.mark))].join('')}`;
  return failing.map((f) => `${f.name} ${f.mark}`).join(' ') || '–';
}

/** A value of the charted quantity in a sentence, with the variant that fails where it is not finite. */
function spoken(point: PointTotals, variants: readonly string[], pair: boolean, currency: string): string {
  const value = chartedAt(point, pair);
  if (Number.isFinite(value)) return pair ? signedMoney(value, currency) : formatMoney(value, currency);
  return `∞ (${problemsAt(point, variants) || 'no finite cost'})`;
}

/**
 * The sentence that names the assumption the answer depends on most: the input with a break-even and the largest
 * swing (which variant is cheaper flips within its range), else the input with the largest swing and how far it moves
 * the difference (or the one variant's total). Empty before the first row.
 * @example dependsMostSentence(result, false) // 'The answer depends most on the number of new cases a day: over 225 … 375 the difference runs from −13,666 SEK to ∞ (mediocre unstable); finite only below about 304.'
 */
export function dependsMostSentence(result: SensitivityResult, computing: boolean): string {
  const pair = result.variants.length === 2;
  const so = computing ? 'So far, the answer depends' : 'The answer depends';
  const top = result.rows[0];
  if (top === undefined) return '';
  const what = pair ? 'the difference' : `the total of ${result.variants[0] ?? ''}`;
  const runs = `${spoken(top.atLow, result.variants, pair, result.currency)} to ${spoken(top.atHigh, result.variants, pair, result.currency)}`;
  const flipping = pair ? result.rows.find((row) => row.breakEvens.length > 0) : undefined;
  if (flipping !== undefined) {
    const sentence = breakEvenSentence(result, flipping) ?? '';
    const size = flipping === top ? '' : ` ${what[0]?.toUpperCase() ?? ''}${what.slice(1)} moves most with ${top.phrase} (${runs}).`;
    return `${so} most on ${flipping.phrase}: ${sentence}${size}`;
  }
  const range = `${formatInputValue(top.low, top.unit, result.currency)} … ${formatInputValue(top.high, top.unit, result.currency)}`;
  const limit = top.finiteLimits[0];
  const where =
    limit === undefined
      ? ''
      : `; finite only ${limit.side === 'low' ? 'above' : 'below'} about ${formatInputValue(limit.notFiniteFrom, top.unit, result.currency)}`;
  return `${so} most on ${top.phrase}: over ${range} ${what} runs from ${runs}${where}.`;
}

/** Lines of text wrapped to `width`. */
function wrapped(text: string, width: number, tone: WhatIfLine['tone'], indent = ''): WhatIfLine[] {
  return wrapAnsi(text, Math.max(10, width - indent.length), { hard: true, trim: true })
    .split('\n')
    .map((line) => ({ text: `${indent}${line}`, tone }));
}

/** A progress bar of `done` out of `total`, `width` characters between brackets. */
function progressBar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/**
 * The lines that stay at the top of the view: the title, the progress, the totals at the edited values and the input
 * the answer depends on most (at most three lines of it).
 */
export function whatIfHeadLines(state: WhatIfState, width: number): WhatIfLine[] {
  const [first, second] = state.variants;
  const pair = second !== undefined;
  const relative = state.start === null ? '' : `±${formatNumber(state.start.range * 100, 0)}%`;
  const range = state.start === null ? '' : state.scenario.assumptions.length > 0 ? `, inputs over their assumptions: (else ${relative})` : `, inputs ${relative}`;
  const title = pair
    ? `What-if: ${second} − ${first ?? ''} (edited scenario, analytic${range})`
    : `What-if: total cost of ${first ?? ''} (edited scenario, analytic${range})`;
  const lines: WhatIfLine[] = [{ text: title, tone: 'title' }];
  const inputs = state.start?.inputs ?? 0;
  if (state.status === 'failed') {
    lines.push(...wrapped(`✗ cannot analyse the edited scenario: ${state.problem ?? ''}`, width, 'bad').slice(0, 3));
    return lines;
  }
  if (state.status === 'computing') {
    const steps =
      state.start === null
        ? 'starting the analysis…'
        : `computing ${progressBar(state.rows.length, inputs, 16)} ${state.rows.length}/${inputs} inputs${pair ? ` · what drives it ${state.explanation === null ? '…' : '✓'}` : ''}`;
    lines.push({ text: `${steps} · the keys work meanwhile`, tone: 'warn' });
  } else {
    lines.push({ text: `${inputs} inputs analysed in ${formatNumber(state.seconds ?? 0, 1)} s; recomputed after every edit`, tone: 'dim' });
  }
  const result = whatIfResult(state);
  if (result === null) return lines;
  const totals = result.variants
    .map((name, i) => {
      const total = result.atBase.totals[i] ?? Number.NaN;
      return `${name} ${Number.isFinite(total) ? formatMoney(total, result.currency) : result.atBase.status[i] === 'unstable' ? '∞ (unstable)' : '– (infeasible)'}`;
    })
    .join(' · ');
  const difference = pair ? ` · difference ${spoken(result.atBase, result.variants, true, result.currency)}` : '';
  lines.push({ text: `now: ${totals}${difference}`, tone: 'plain' });
  const depends = dependsMostSentence(result, state.status === 'computing');
  if (depends !== '') lines.push(...wrapped(depends, width, 'good').slice(0, 3));
  return lines;
}

/** The Shapley parts, largest first, with a bar around 0. */
function driverLines(explanation: Explanation | null, currency: string, width: number, computing: boolean): WhatIfLine[] {
  if (explanation === null) return [{ text: computing ? 'What drives the difference: computing…' : 'What drives the difference: not computed', tone: 'heading' }];
  const amount = Number.isFinite(explanation.total) ? signedMoney(explanation.total, currency) : 'difference';
  const lines = wrapped(`What drives the ${amount}: the inputs in which ${explanation.variant} differs (Shapley parts; they add up)`, width, 'heading');
  if (explanation.method === 'none') return [...lines, ...wrapped(`not split: ${explanation.problem ?? 'no inputs differ'}`, width, 'dim', '  ')];
  if (explanation.parts.length === 0) return [...lines, { text: '  no input differs', tone: 'dim' }];
  const parts = partsBySize(explanation);
  const amounts = parts.map((part) => signedMoney(part.contribution, currency));
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  const barWidth = Math.max(8, Math.min(30, Math.floor(width / 4)));
  const labelWidth = Math.min(Math.max(...parts.map((part) => [...part.label].length)), Math.max(10, width - 2 - amountWidth - barWidth - 3));
  const largest = Math.max(...parts.map((part) => Math.abs(part.contribution)));
  parts.forEach((part, i) => {
    const sampled = part.standardError === undefined ? '' : ` ±${formatNumber(1.96 * part.standardError, 0)}`;
    lines.push({
      text: `  ${fit(part.label, labelWidth)} ${(amounts[i] as string).padStart(amountWidth)}${sampled}  ${bar(Math.min(0, part.contribution), 0, Math.max(0, part.contribution), -largest, largest, barWidth)}`,
      tone: 'plain',
    });
  });
  if (explanation.method === 'sampled') lines.push({ text: `  (estimated from random orders of the ${parts.length} inputs, fixed seed)`, tone: 'dim' });
  return lines;
}

/** `text` cut or padded to `width` characters. */
function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}

/** The tornado: each input's range and the difference (or total) at its low and high end, largest swing first. */
function tornadoLines(result: SensitivityResult, inputs: number, computing: boolean, width: number): WhatIfLine[] {
  const pair = result.variants.length === 2;
  const what = pair ? 'the difference' : 'the total';
  const heading = `Each input over its range: ${what} at its low and high end (${result.currency}), largest swing first${computing ? ` — ${result.rows.length} of ${inputs} so far` : ''}`;
  const lines: WhatIfLine[] = [...wrapped(heading, width, 'heading')];
  if (result.rows.length === 0) return [...lines, { text: computing ? '  computing the first input…' : '  no input to vary', tone: 'dim' }];
  const showRange = width >= 110;
  const ranges = result.rows.map((row) => `${formatInputValue(row.low, row.unit, result.currency)} … ${formatInputValue(row.high, row.unit, result.currency)}`);
  const lows = result.rows.map((row) => cell(row.atLow, result.variants, pair));
  const highs = result.rows.map((row) => cell(row.atHigh, result.variants, pair));
  const cellWidth = Math.min(14, Math.max(7, ...lows.map((c) => [...c].length), ...highs.map((c) => [...c].length)));
  const rangeWidth = showRange ? Math.min(24, Math.max(...ranges.map((r) => [...r].length))) : 0;
  const barWidth = Math.max(9, Math.min(25, Math.floor(width / 5)));
  // The label takes what the numbers, the bar and the break-even mark (" ✱") leave.
  const labelWidth = Math.max(12, width - (showRange ? rangeWidth + 2 : 0) - 2 * (cellWidth + 2) - 2 - barWidth - 2);
  const atBase = chartedAt(result.atBase, pair);
  const values = result.rows.flatMap((row) => [chartedAt(row.atLow, pair), chartedAt(row.atHigh, pair)]).concat(atBase).filter(Number.isFinite);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const right = (text: string, w: number): string => (([...text].length > w ? fit(text, w) : text.padStart(w)));
  lines.push({
    text: `${fit('input', labelWidth)}${showRange ? `  ${right('low … high', rangeWidth)}` : ''}  ${right('at low', cellWidth)}  ${right('at high', cellWidth)}  ${pair ? 'difference' : 'total'}`,
    tone: 'dim',
  });
  result.rows.forEach((row, i) => {
    const drawn = (point: PointTotals): number => {
      const value = chartedAt(point, pair);
      return Number.isFinite(value) ? value : atBase;
    };
    const flips = row.breakEvens.length > 0 ? ' ✱' : '';
    lines.push({
      text: `${fit(row.label, labelWidth)}${showRange ? `  ${right(ranges[i] as string, rangeWidth)}` : ''}  ${right(lows[i] as string, cellWidth)}  ${right(highs[i] as string, cellWidth)}  ${bar(drawn(row.atLow), atBase, drawn(row.atHigh), min, max, barWidth)}${flips}`,
      tone: row.breakEvens.length > 0 ? 'warn' : row.swing === 0 ? 'dim' : 'plain',
    });
  });
  if (result.rows.some((row) => row.breakEvens.length > 0)) lines.push({ text: '✱ breaks even within its range (see below)', tone: 'dim' });
  return lines;
}

/**
 * The lines below the head, scrolled with ↑↓: what drives the difference (two variants), the tornado, then the
 * break-even sentences, the closing sentence (when done), the inputs with no effect and those not varied.
 */
export function whatIfBodyLines(state: WhatIfState, width: number): WhatIfLine[] {
  const result = whatIfResult(state);
  if (result === null) return [];
  const computing = state.status === 'computing';
  const pair = result.variants.length === 2;
  const lines: WhatIfLine[] = [];
  if (pair) lines.push(...driverLines(state.explanation, result.currency, width, computing && state.explanation === null), { text: '', tone: 'plain' });
  lines.push(...tornadoLines(result, state.start?.inputs ?? 0, computing, width));
  const sentences = result.rows.map((row) => breakEvenSentence(result, row)).filter((s): s is string => s !== null);
  const summary = computing ? '' : summarySentence(result);
  if (sentences.length > 0 || summary !== '') {
    lines.push({ text: '', tone: 'plain' }, { text: pair ? 'Where it breaks even:' : 'Where a total stops being finite:', tone: 'heading' });
    for (const sentence of sentences) lines.push(...wrapped(sentence, width, 'plain', '  '));
    if (summary !== '') lines.push(...wrapped(summary, width, 'good', '  '));
  }
  const noEffect = computing ? [] : result.rows.filter((row) => row.swing === 0).map((row) => row.label);
  if (noEffect.length > 0) lines.push({ text: '', tone: 'plain' }, ...wrapped(`No effect on the analytic plan: ${noEffect.join(', ')}.`, width, 'dim'));
  if (result.notVaried.length > 0) {
    lines.push(...wrapped(`Not varied: ${result.notVaried.map((n) => `${n.label} (${n.reason})`).join('; ')}.`, width, 'dim'));
  }
  return lines;
}
