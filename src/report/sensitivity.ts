/**
 * A sensitivity analysis for people and programs: the tornado table, the break-even sentences a manager can read
 * aloud, and the JSON document. Pure.
 */
import { printable } from '../core/printable.js';
import type { BreakEven } from '../core/sensitivity/break-even.js';
import type { PointStatus, PointTotals, SensitivityResult, SensitivityRow } from '../core/sensitivity/sensitivity-result.js';
import { formatMoney, formatNumber, formatPercent, renderTable } from './format.js';

/** The difference (second − first) at a point; NaN unless both totals are finite. */
function differenceAt(point: PointTotals): number {
  const [a, b] = point.totals;
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) ? b - a : Number.NaN;
}

/**
 * A value of an input in its unit: money with the currency, seconds, minutes, shares as percentages.
 * @example formatInputValue(146.2, 'money', 'SEK') // '146 SEK'
 * @example formatInputValue(0.482, 'share', 'SEK') // '48.2%'
 */
export function formatInputValue(value: number, unit: SensitivityRow['unit'], currency: string): string {
  if (!Number.isFinite(value)) return '–';
  const decimals = (v: number): number => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3);
  switch (unit) {
    case 'money':
      return formatMoney(value, currency, decimals(value));
    case 'seconds':
      return `${formatNumber(value, Math.min(1, decimals(value)))} s`;
    case 'minutes':
      return `${formatNumber(value, Math.min(1, decimals(value)))} min`;
    case 'hours':
      return `${formatNumber(value, Math.min(1, decimals(value)))} h`;
    case 'share':
      return formatPercent(value, 1);
    case 'count':
      return Number.isInteger(value) ? formatNumber(value, 0) : formatNumber(value, decimals(value));
  }
}

/** "−1,234 SEK" / "+1,234 SEK", or what makes the value not a number. */
export function signedMoney(value: number, currency: string): string {
  if (!Number.isFinite(value)) return '–';
  const text = formatMoney(Math.abs(value), currency);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

function statusWord(status: PointStatus): string {
  return status === 'unstable' ? 'unstable' : status === 'infeasible' ? 'infeasible' : '';
}

/** The variants that are not ok at a point, as "switchboard unstable". */
function problemsAt(point: PointTotals, variants: readonly string[]): string {
  return point.status
    .map((status, i) => (status === 'ok' ? '' : `${variants[i] ?? ''} ${statusWord(status)}`))
    .filter((text) => text !== '')
    .join(', ');
}

function breakEvenText(row: SensitivityRow, breakEven: BreakEven, currency: string): string {
  const above = breakEven.value > row.base;
  if (breakEven.kind === 'step' && breakEven.between !== undefined) {
    const far = breakEven.between[1];
    return `${row.phrase} is ${formatInputValue(far, row.unit, currency)} or ${above ? 'more' : 'fewer'}`;
  }
  return `${row.phrase} is ${above ? 'above' : 'below'} ${formatInputValue(breakEven.value, row.unit, currency)}`;
}

/**
 * The sentence of one input, for reading aloud, or null when there is nothing to say beyond "no break-even":
 * "mediocre stays cheaper than switchboard unless the cost of an unresolved case is below 146 SEK (scenario: 150 SEK)."
 */
export function breakEvenSentence(result: SensitivityResult, row: SensitivityRow): string | null {
  const [first, second] = result.variants;
  if (first === undefined || second === undefined) return null;
  const atBase = differenceAt(result.atBase);
  const scenario = `(scenario: ${formatInputValue(row.base, row.unit, result.currency)})`;
  const parts: string[] = [];
  if (row.breakEvens.length > 0 && Number.isFinite(atBase)) {
    const cheaper = atBase < 0 ? second : first;
    const dearer = atBase < 0 ? first : second;
    const conditions = row.breakEvens.map((breakEven) => breakEvenText(row, breakEven, result.currency)).join(' or ');
    const jump = row.breakEvens.some((breakEven) => breakEven.kind === 'jump') ? '; the difference jumps there, where the staffing steps by a whole agent' : '';
    parts.push(`${cheaper} stays cheaper than ${dearer} unless ${conditions} ${scenario}${jump}.`);
  }
  for (const limit of row.finiteLimits) {
    const point = limit.side === 'low' ? row.atLow : row.atHigh;
    const problem = problemsAt(point, result.variants);
    const towards = limit.side === 'low' ? 'below' : 'above';
    parts.push(
      `With ${row.phrase} ${towards} about ${formatInputValue(limit.notFiniteFrom, row.unit, result.currency)} ${problem === '' ? 'a variant has no finite cost' : `${problem.replace(/ unstable/g, ' is unstable (its queue grows without end: unbounded cost)').replace(/ infeasible/g, ' cannot be staffed to its target')}`}; no break-even is looked for beyond that.`,
    );
  }
  return parts.length === 0 ? null : parts.join(' ');
}

/** The closing sentence: which variant stays cheaper over every other input's range. */
export function summarySentence(result: SensitivityResult): string {
  const [first, second] = result.variants;
  if (first === undefined || second === undefined) return '';
  const atBase = differenceAt(result.atBase);
  if (!Number.isFinite(atBase)) {
    return `At the scenario's values ${problemsAt(result.atBase, result.variants) || 'a variant has no finite cost'}: there is no difference to break even.`;
  }
  if (atBase === 0) return `At the scenario's values ${first} and ${second} cost the same.`;
  const cheaper = atBase < 0 ? second : first;
  const dearer = atBase < 0 ? first : second;
  const quiet = result.rows.filter((row) => row.breakEvens.length === 0 && row.finiteLimits.length === 0);
  if (quiet.length === 0) return '';
  const every = quiet.length === result.rows.length ? 'every input' : quiet.length === 1 ? 'the other input' : `the other ${quiet.length} inputs`;
  return `${cheaper} stays cheaper than ${dearer} over the whole range of ${every}.`;
}

/**
 * A text bar of the charted range within [min, max], with the base marked (also the explorer's tornado).
 * @example bar(-10, 0, 20, -10, 20, 7) // '██│████'
 */
export function bar(low: number, base: number, high: number, min: number, max: number, width: number): string {
  if (![low, base, high].every(Number.isFinite) || !(max > min)) return '';
  const at = (value: number): number => Math.round(((value - min) / (max - min)) * (width - 1));
  const from = at(Math.min(low, high));
  const to = at(Math.max(low, high));
  const mark = at(base);
  let out = '';
  for (let i = 0; i < width; i++) out += i === mark ? '│' : i >= from && i <= to ? '█' : ' ';
  return out.replace(/\s+$/, '');
}

/** The tornado table and the sentences, as `staffsim sensitivity` prints them. */
export function sensitivityText(result: SensitivityResult): string {
  const { variants, currency } = result;
  const pair = variants.length === 2;
  const charted = (point: PointTotals): number => (pair ? differenceAt(point) : (point.totals[0] ?? Number.NaN));
  const atBase = charted(result.atBase);
  const values = result.rows.flatMap((row) => [charted(row.atLow), charted(row.atHigh)]).concat(atBase).filter(Number.isFinite);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const simulated = result.source === 'simulation';
  const title = pair
    ? `${result.scenario} — what the cost difference ${variants[1]} − ${variants[0]} depends on`
    : `${result.scenario} — what the total cost of ${variants[0]} depends on`;
  const how = simulated
    ? `simulated, ${result.replications ?? 0} replications per point, seed ${result.seed ?? ''}, common random numbers; ± = 95% interval`
    : 'analytic';
  const baseLine = variants
    .map((name, i) => `${name} ${formatMoney(result.atBase.totals[i] ?? Number.NaN, currency)}${result.atBase.status[i] === 'ok' ? '' : ` (${statusWord(result.atBase.status[i] as PointStatus)})`}`)
    .join(', ');
  const lines = [
    `${printable(title)} (${how}; each input moved over its range: ±${formatNumber(result.range * 100, 0)}% unless the scenario's assumptions give one)`,
    `at the scenario's values: ${printable(baseLine)}${pair ? `; difference ${signedMoney(atBase, currency)}` : ''}`,
  ];
  const signed = (value: number): string => (value > 0 ? `+${formatNumber(value, 0)}` : value < 0 ? `−${formatNumber(-value, 0)}` : '0');
  const moneyAt = (point: PointTotals, i: number): string => {
    const status = point.status[i] as PointStatus;
    if (status !== 'ok') return statusWord(status);
    return signed((point.totals[i] ?? Number.NaN) - (result.atBase.totals[i] ?? Number.NaN));
  };
  const differenceCell = (point: PointTotals): string => {
    const value = differenceAt(point);
    if (!Number.isFinite(value)) return problemsAt(point, variants) || '–';
    return `${signed(value)}${point.differenceCi95 === undefined ? '' : ` ±${formatNumber(point.differenceCi95, 0)}`}`;
  };
  const rows = result.rows.map((row) => [
    row.label,
    `${formatInputValue(row.low, row.unit, currency)} … ${formatInputValue(row.high, row.unit, currency)}`,
    formatInputValue(row.base, row.unit, currency),
    ...(pair ? [differenceCell(row.atLow), differenceCell(row.atHigh)] : []),
    ...variants.map((_, i) => `${moneyAt(row.atLow, i)} / ${moneyAt(row.atHigh, i)}`),
    row.breakEvens.length === 0 ? (pair ? 'none' : '') : row.breakEvens.map((b) => formatInputValue(b.value, row.unit, currency)).join(', '),
    bar(charted(row.atLow), atBase, charted(row.atHigh), min, max, 21),
  ]);
  const table = renderTable(
    [
      { header: 'input', align: 'left' },
      { header: 'low … high' },
      { header: 'scenario' },
      ...(pair ? [{ header: `difference at low` }, { header: `at high (${currency})` }] : []),
      ...variants.map((name) => ({ header: `${name} Δ at low / high` })),
      { header: pair ? 'break-even' : '', align: 'left' as const },
      { header: pair ? 'difference' : 'total', align: 'left' as const },
    ],
    rows,
  );
  lines.push(table);
  const sentences = result.rows.map((row) => breakEvenSentence(result, row)).filter((s): s is string => s !== null);
  const summary = summarySentence(result);
  if (sentences.length + (summary === '' ? 0 : 1) > 0) lines.push('', ...sentences.map(printable), ...(summary === '' ? [] : [printable(summary)]));
  const noEffect = result.rows.filter((row) => row.swing === 0).map((row) => row.label);
  if (noEffect.length > 0) {
    lines.push(
      `No effect ${simulated ? 'in this simulation' : 'on the analytic plan'}: ${printable(noEffect.join(', '))}${simulated ? '.' : ' (the analytic plan has no overtime, and a price or a time the plan does not use changes nothing; --simulate shows the rest).'}`,
    );
  }
  if (result.notVaried.length > 0) {
    lines.push(`Not varied: ${printable(result.notVaried.map((n) => `${n.label} (${n.reason})`).join('; '))}.`);
  }
  return lines.join('\n');
}

function byVariant(point: PointTotals, variants: readonly string[], pick: (i: number) => number | undefined): Record<string, number | null> {
  return Object.fromEntries(variants.map((name, i) => [name, pick(i) ?? null]));
}

/**
 * The `sensitivity --json` document:
 * `{ "variants": [A, B], "inputs": [ { "path", "label", "base", "low", "high", "difference": { "atLow", "atHigh" },
 * "breakEven" } ] }` and more fields (see the README). Non-finite numbers become null when printed.
 */
export function sensitivityJson(result: SensitivityResult): Record<string, unknown> {
  const { variants } = result;
  const pair = variants.length === 2;
  const totalsOf = (row: SensitivityRow): Record<string, unknown> =>
    Object.fromEntries(
      variants.map((name, i) => [
        name,
        {
          atLow: row.atLow.totals[i] ?? null,
          atHigh: row.atHigh.totals[i] ?? null,
          ...(row.atLow.ci95 === undefined ? {} : { ci95: { atLow: row.atLow.ci95[i] ?? null, atHigh: row.atHigh.ci95?.[i] ?? null } }),
          statusAtLow: row.atLow.status[i] ?? null,
          statusAtHigh: row.atHigh.status[i] ?? null,
        },
      ]),
    );
  return {
    scenario: result.scenario,
    currency: result.currency,
    variants,
    source: result.source,
    range: result.range,
    replications: result.replications,
    seed: result.seed,
    atBase: {
      totals: byVariant(result.atBase, variants, (i) => result.atBase.totals[i]),
      status: Object.fromEntries(variants.map((name, i) => [name, result.atBase.status[i] ?? null])),
      difference: pair ? differenceAt(result.atBase) : null,
      ...(result.atBase.differenceCi95 === undefined ? {} : { differenceCi95: result.atBase.differenceCi95 }),
    },
    inputs: result.rows.map((row) => ({
      path: row.path,
      label: row.label,
      variant: row.variant,
      kind: row.kind,
      unit: row.unit,
      base: row.base,
      low: row.low,
      high: row.high,
      fromAssumptions: row.fromAssumptions,
      difference:
        row.difference === null
          ? null
          : {
              atLow: row.difference.atLow,
              atHigh: row.difference.atHigh,
              ...(row.atLow.differenceCi95 === undefined ? {} : { ci95: { atLow: row.atLow.differenceCi95, atHigh: row.atHigh.differenceCi95 ?? null } }),
            },
      breakEven: row.breakEvens[0]?.value ?? null,
      breakEvens: row.breakEvens,
      ...(row.breakEvenChecks === undefined ? {} : { breakEvenChecks: row.breakEvenChecks }),
      finiteLimits: row.finiteLimits,
      totals: totalsOf(row),
      swing: row.swing,
      sentence: breakEvenSentence(result, row),
    })),
    summary: summarySentence(result),
    notVaried: result.notVaried,
  };
}
