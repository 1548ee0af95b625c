/**
 * Property-based fuzzing of `staffsim import` (issue: hostile and extreme input): interval counts as ACD and telephony
 * systems export them, mutated — lines dropped, repeated or swapped, cells dropped or added, counts replaced by 0,
 * negatives, 1e308, 5e-324, not-a-number or text, dates and times made impossible, headers renamed (`__proto__` too)
 * or lost, separators, quotes, line ends and byte-order marks changed, the file cut off mid-line, lines too long — and
 * imported with varied options. Whatever the file, staffsim must answer with exit 0 or 2 only, within CASE_SECONDS; a
 * 2 says where (the file and its line, or the option), never with a stack trace; a 0 writes sections whose numbers are
 * all finite and whose profile and day factors are shares and factors ≥ 0.
 *
 * Every case goes through the whole command line in-process (`main`, as `staffsim import FILE …`). `npm test` runs
 * 2,000 cases with a fixed seed; `npm run test:fuzz` runs 100,000 (see fuzz-settings.ts for FUZZ_RUNS, FUZZ_SEED and
 * FUZZ_PATH).
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/fake-io.js';
import { CaseClock, fuzzParameters, fuzzRuns, fuzzSeed, fuzzTimeoutMs, STACK_TRACE } from './fuzz-settings.js';

const RUNS = fuzzRuns(2000);
const SEED = fuzzSeed(20261204);

/**
 * The files mutated: ISO timestamps (the bank's first two days, 169 five-minute rows each, so that a case is quick), a
 * day-first ACD export with separate date and time columns and a handle time, and a file with broken rows.
 */
const SOURCES = [
  { file: 'tests/fixtures/import/bank-calls-10-weekdays.csv', lines: 1 + 2 * 169 },
  { file: 'tests/fixtures/import/acd-export.csv', lines: 200 },
  { file: 'tests/fixtures/import/malformed.csv', lines: 20 },
].map(({ file, lines }) => ({ file, lines: readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').slice(0, lines) }));

const folder = mkdtempSync(join(tmpdir(), 'staffsim-import-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const WEIRD_CELLS: readonly string[] = [
  '', ' ', '0', '-1', '-0', '3.5', '1e308', '5e-324', '1e15', '10000001', 'NaN', 'Infinity', 'abc', '"12"', '"1,5"', '"unclosed',
  '25:00', '24:00', '08:15-08:30', '8:00', '2003-02-30T07:00:00Z', '2003-13-01T07:00:00Z', '2003-03-03T07:02:00Z', '31.12.2024',
  '12/31/2024 08:00', '0000-00-00', '9999-12-31T23:59:59Z', '__proto__', '\u0000', '\u001b[31m', 'é', '=1+1',
];
const HEADERS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'Calls', 'DateTime', 'AHT', 'Datum', 'Time', '', 'calls'];

type Mutation =
  | { kind: 'drop-line' | 'repeat-line' | 'swap-lines' | 'drop-cell' | 'add-cell' | 'cut'; at: number; other: number }
  | { kind: 'cell'; at: number; other: number; value: string }
  | { kind: 'header'; at: number; value: string }
  | { kind: 'separator'; at: number; value: string }
  | { kind: 'long-line'; at: number; length: number }
  | { kind: 'many-lines'; at: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('drop-line' as const, 'repeat-line' as const, 'swap-lines' as const, 'drop-cell' as const, 'add-cell' as const, 'cut' as const), at: fc.nat(), other: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), other: fc.nat(), value: fc.constantFrom(...WEIRD_CELLS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('header' as const), at: fc.nat(), value: fc.constantFrom(...HEADERS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('separator' as const), at: fc.nat(), value: fc.constantFrom(',', ';', '\t', '|', ' ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-line' as const), at: fc.nat(), length: fc.constantFrom(1000, 70_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('many-lines' as const), at: fc.nat(), times: fc.constantFrom(10, 3000) }) },
);

const SEPARATOR = /[,;\t]/;

/** Applies `m` to the lines in place. */
function applyMutation(lines: string[], m: Mutation): void {
  if (lines.length === 0) return;
  const i = m.at % lines.length;
  const line = lines[i] as string;
  const separator = SEPARATOR.exec(lines[0] as string)?.[0] ?? ',';
  const cells = line.split(separator);
  switch (m.kind) {
    case 'drop-line':
      lines.splice(i, 1);
      break;
    case 'repeat-line':
      lines.splice(i, 0, line);
      break;
    case 'swap-lines': {
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j] as string, line];
      break;
    }
    case 'drop-cell':
      cells.splice(m.other % cells.length, 1);
      lines[i] = cells.join(separator);
      break;
    case 'add-cell':
      cells.splice(m.other % (cells.length + 1), 0, String(m.other % 100));
      lines[i] = cells.join(separator);
      break;
    case 'cut':
      lines.length = i + 1;
      lines[i] = line.slice(0, m.other % (line.length + 1));
      break;
    case 'cell':
      cells[m.other % cells.length] = m.value;
      lines[i] = cells.join(separator);
      break;
    case 'header': {
      const header = (lines[0] as string).split(separator);
      header[m.at % header.length] = m.value;
      lines[0] = header.join(separator);
      break;
    }
    case 'separator':
      // The whole file, or (for an odd `at`) one line only.
      for (let k = m.at % 2 === 0 ? 0 : i; k < (m.at % 2 === 0 ? lines.length : i + 1); k++) lines[k] = (lines[k] as string).split(separator).join(m.value);
      break;
    case 'long-line':
      lines[i] = `${line}${'9'.repeat(m.length)}`;
      break;
    case 'many-lines':
      lines.splice(i, 0, ...new Array<string>(m.times).fill(line));
      break;
  }
}

/** The file's text: its lines joined by \n, \r\n or (rarely) \r, with a byte-order mark or a final line end, or neither. */
function fileText(lines: readonly string[], style: number): string {
  const end = ['\n', '\r\n', '\n', '\r\n', '\n', '\r'][style % 6] as string;
  const bom = style % 5 === 0 ? '\uFEFF' : '';
  const last = style % 2 === 0 ? end : '';
  return `${bom}${lines.join(end)}${last}`;
}

/**
 * The options of a case: the interval, sometimes the columns or formats named, and for one case in eight attempts with a
 * behaviour (which plans the scenario's failure demand, tens of milliseconds).
 */
const options: fc.Arbitrary<string[]> = fc
  .record({
    interval: fc.constantFrom(null, null, null, null, null, '30', '60', '120', '5', '15', '7', '0', '-5', '1441', 'abc'),
    json: fc.boolean(),
    named: fc.constantFrom(null, null, null, null, null, null, ['--count-column', 'Calls'], ['--timestamp-column', 'DateTime'], ['--date-format', 'DD.MM.YYYY'], ['--timestamp-format', 'DD/MM/YYYY HH:mm'], ['--aht-unit', 'minutes']),
    attempts: fc.constantFrom(false, false, false, false, false, false, false, true),
  })
  .map(({ interval, json, named, attempts }) => [
    ...(interval === null ? [] : ['--interval-minutes', interval]),
    ...(json ? ['--json'] : []),
    ...(named ?? []),
    ...(attempts ? ['--calls-are', 'attempts', '--behaviour-from', 'tests/fixtures/import/behaviour.yaml'] : []),
  ]);

/** Every number anywhere in `value`. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe(`import fuzzing (${RUNS} cases, seed ${SEED})`, () => {
  it('imports every unmutated source with \\n or \\r\\n line ends, a byte-order mark or none (the broken one with exit 2)', async () => {
    for (const base of SOURCES) {
      // Style 5, lines ended by a lone \r (classic Mac OS), is left to the fuzzing: it is one long line, refused as such.
      for (let style = 0; style < 5; style++) {
        const file = join(folder, `source-${SOURCES.indexOf(base)}-${style}.csv`);
        writeFileSync(file, fileText(base.lines, style));
        const run = await runCli(['import', file]);
        expect(run.code, `${base.file}, style ${style}: ${run.stderr}`).toBe(base.file.includes('malformed') ? 2 : 0);
      }
    }
  });

  it('answers every mutated file of counts with exit 0 or 2, located problems, no stack trace, finite figures, in bounded time', { timeout: fuzzTimeoutMs(RUNS) }, async () => {
    let index = 0;
    const outcomes = { ok: 0, bad: 0 };
    const clock = new CaseClock();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 0, maxLength: 3 }), fc.nat(), options, async (source, mutations, style, flags) => {
        const base = SOURCES[source] as (typeof SOURCES)[number];
        const lines = [...base.lines];
        for (const m of mutations) applyMutation(lines, m);
        const file = join(folder, `case-${index++}.csv`);
        writeFileSync(file, fileText(lines, style));
        await clock.time(`case ${index - 1} (${base.file} mutated, ${flags.join(' ')})`, async () => {
          const run = await runCli(['import', file, ...flags]);
          expect([0, 2], `exit ${run.code}\n${run.stderr}`).toContain(run.code);
          expect(run.stderr).not.toMatch(STACK_TRACE);
          expect(run.stderr).not.toMatch(/internal error/i);
          if (run.code === 2) {
            outcomes.bad++;
            // Each problem is located: in the file (file:line), or in an option of the command line.
            for (const problem of run.stderr.split('\n').filter((text) => text.startsWith('staffsim: '))) expect(problem, 'a problem says where').toMatch(new RegExp(`^staffsim: (${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|--[a-z-]+)`));
            return;
          }
          outcomes.ok++;
          const sections = (flags.includes('--json') ? JSON.parse(run.stdout) : parse(run.stdout)) as { demand: { casesPerDay: number; intradayProfile: number[]; dayFactors?: Record<string, number> } };
          for (const value of numbersIn(sections)) expect(Number.isFinite(value), `a figure is ${value}`).toBe(true);
          expect(sections.demand.casesPerDay).toBeGreaterThanOrEqual(0);
          for (const share of sections.demand.intradayProfile) expect(share).toBeGreaterThanOrEqual(0);
          for (const factor of Object.values(sections.demand.dayFactors ?? {})) expect(factor).toBeGreaterThanOrEqual(0);
        });
      }),
      fuzzParameters(RUNS, SEED),
    );
    console.info(`import fuzzing: ${RUNS} cases: ${outcomes.ok} imported, ${outcomes.bad} refused (exit 2); slowest ${clock.slowestSeconds.toFixed(2)} s (${clock.slowestCase})`);
    // The fuzzing reaches both sides: files that import, and files refused as bad input.
    expect(outcomes.ok).toBeGreaterThan(RUNS / 20);
    expect(outcomes.bad).toBeGreaterThan(RUNS / 4);
  });
});
