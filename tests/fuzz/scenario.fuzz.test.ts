/**
 * Property-based fuzzing of scenario files (issue: hostile and extreme input): the shipped scenarios and the test
 * fixtures, each mutated — keys dropped, renamed or set to `__proto__`, numbers replaced by 0, negatives, 1e308,
 * 5e-324 or not-a-number, values of the wrong type, huge lists, invalid times, duplicate keys — are run through `plan`
 * and a short `run`. Whatever the file, staffsim must answer with exit 0, 2 or 3 only, within CASE_SECONDS; a 2 names
 * the file (and so a location) and never shows a stack trace; a 0 obeys the accounting identities (every counted case
 * has one fate, every attempt one outcome).
 *
 * Every case goes through the whole command line in-process (`main`, as `staffsim plan FILE --json` and
 * `staffsim run FILE --json --replications 1 --workers 1`): parsing the flags costs about a millisecond of a case's
 * few. `npm test` runs 2,000 cases with a fixed seed; `npm run test:fuzz` runs 100,000 (see fuzz-settings.ts for
 * FUZZ_RUNS, FUZZ_SEED and FUZZ_PATH).
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
const SEED = fuzzSeed(20261203);

/** The files mutated: every shipped scenario and the scenario fixtures, each shrunk to one day so a case is quick. */
const SOURCES = [
  'scenarios/municipal-contact-centre.yaml',
  'scenarios/bank-call-centre.yaml',
  'scenarios/textbook-erlang-c.yaml',
  'scenarios/examples/bank-plan.yaml',
  'scenarios/examples/bank-with-shifts.yaml',
  'tests/fixtures/scenarios/minimal.yaml',
  'tests/fixtures/scenarios/network.yaml',
  'tests/fixtures/scenarios/spec-example.yaml',
  'tests/fixtures/run/small.yaml',
  'tests/fixtures/run/warmup.yaml',
].map((file) => {
  const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const calendar = (document['calendar'] ?? {}) as Record<string, unknown>;
  return { file, document: { ...document, calendar: { ...calendar, days: 1 }, simulation: { ...(document['simulation'] as object), replications: 2 } } };
});

const folder = mkdtempSync(join(tmpdir(), 'staffsim-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a document (keys of mappings, indices of the first 50 items of lists). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.slice(0, 50).forEach((item, i) => out.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...prefix, key]));
  return out;
}

const WEIRD_NUMBERS: readonly number[] = [0, -1, -0.5, 1e308, 5e-324, 1e15, 1e9, 999_999_999, Number.NaN, Number.POSITIVE_INFINITY, 0.5, 24, 86_400];
const WEIRD_VALUES: readonly Json[] = ['', 'abc', '25:00', '8:00', '24:00', '00:00', [], {}, null, true, [1, 2, 3], { distribution: 'fixed', seconds: 0 }, '__proto__'];

/** One mutation of a document: what is done at which path. */
type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'rename'; at: number; name: string }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'value'; at: number; value: Json }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'proto'; at: number };

/**
 * Cheap and costly mutations are weighted: a huge list costs staffsim tens of milliseconds to read (and the test to
 * write), every other mutation about one, so huge lists are drawn for one mutation in twenty (still about 150 cases
 * of the 2,000).
 */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.constantFrom('__proto__', 'constructor', 'prototype', 'staffng', 'agents', 'groups', 'x') }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.constantFrom(...WEIRD_NUMBERS) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...WEIRD_VALUES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), length: fc.constantFrom(2000, 200_000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('proto' as const), at: fc.nat() }) },
);

/** The huge lists, one per length, made once and frozen; a mutation inside one works on a copy. */
const HUGE_LISTS = new Map<number, readonly number[]>();
function hugeList(length: number): readonly number[] {
  let list = HUGE_LISTS.get(length);
  if (list === undefined) {
    list = Object.freeze(Array.from({ length }, (_, i) => (i % 7) + 1));
    HUGE_LISTS.set(length, list);
  }
  return list;
}
/** The text of each frozen huge list, `[1, 2, …]` (YAML flow style, and JSON). */
const HUGE_TEXT = new WeakMap<object, string>();
function hugeText(list: readonly number[]): string {
  let text = HUGE_TEXT.get(list);
  if (text === undefined) {
    text = `[${list.join(', ')}]`;
    HUGE_TEXT.set(list, text);
  }
  return text;
}

/** Applies `m` to `document` in place (the caller clones the source once per case). */
function applyMutation(document: Json, m: Mutation): void {
  const paths = pathsOf(document);
  if (paths.length === 0) return;
  const path = paths[m.at % paths.length] as (string | number)[];
  let parent: Json = document;
  for (const segment of path.slice(0, -1)) {
    const holder = parent as Record<string | number, Json>;
    let child = holder[segment] as Json;
    if (Array.isArray(child) && Object.isFrozen(child)) {
      child = [...child];
      holder[segment] = child;
    }
    parent = child;
  }
  const key = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, Json>;
  switch (m.kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete container[key];
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const value = container[key] as Json;
        delete container[key];
        Object.defineProperty(container, m.name, { value, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'number':
      container[key] = m.value;
      break;
    case 'value':
      container[key] = structuredClone(m.value);
      break;
    case 'huge':
      container[key] = hugeList(m.length) as Json[];
      break;
    case 'proto':
      Object.defineProperty(container, '__proto__', { value: { shrinkage: 0.5, agents: 3 }, enumerable: true, writable: true, configurable: true });
      break;
  }
}

/** A YAML scalar: numbers as YAML 1.2 reads them back (.nan, .inf), strings double-quoted (JSON strings are YAML). */
function yamlScalar(value: null | boolean | number | string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'number' || Number.isFinite(value)) return String(value);
  return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
}

/** A mapping key: plain where YAML reads it back as the same text, else quoted. */
function yamlKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) && !/^(true|false|null)$/i.test(key) ? key : JSON.stringify(key);
}

/** A value that fits on its key's line: a scalar, an empty list or mapping, or a frozen huge list in flow style. */
function yamlInline(value: Json): string | null {
  if (value === null || typeof value !== 'object') return yamlScalar(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : Object.isFrozen(value) ? hugeText(value as readonly number[]) : null;
  return Object.keys(value).length === 0 ? '{}' : null;
}

/**
 * Block YAML, written here rather than by the YAML library, whose writer takes milliseconds per document (as long as
 * the rest of a case): mappings as `key: value` lines, lists as `-` items, nested collections indented below their key.
 */
function yamlLines(value: Json, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const inline = yamlInline(item);
      if (inline !== null) out.push(`${indent}- ${inline}`);
      else {
        out.push(`${indent}-`);
        yamlLines(item, `${indent}  `, out);
      }
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const inline = yamlInline(item);
      if (inline !== null) out.push(`${indent}${yamlKey(key)}: ${inline}`);
      else {
        out.push(`${indent}${yamlKey(key)}:`);
        yamlLines(item, `${indent}  `, out);
      }
    }
  }
}

/** The mutated document as file text: JSON, YAML, or YAML with a duplicated key. */
function fileText(document: Json, format: number): { text: string; extension: string } {
  if (format % 3 === 0) {
    const huge: string[] = [];
    const text = JSON.stringify(document, (_key, value: unknown) =>
      typeof value === 'number' && !Number.isFinite(value)
        ? String(value)
        : Array.isArray(value) && Object.isFrozen(value)
          ? `staffsim-fuzz-huge-${huge.push(hugeText(value)) - 1}`
          : value,
    ).replace(/"staffsim-fuzz-huge-(\d+)"/g, (_m, i: string) => huge[Number(i)] as string);
    return { text, extension: 'json' };
  }
  const lines: string[] = [];
  yamlLines(document, '', lines);
  if (format % 3 === 1) {
    const firstKey = lines.map((line) => /^([A-Za-z]\w*):/.exec(line)).find((match) => match !== null);
    if (firstKey != null) lines.push(`${firstKey[1]}: duplicate`);
  }
  return { text: `${lines.join('\n')}\n`, extension: 'yaml' };
}

function expectAnswer(run: { code: number; stdout: string; stderr: string }, file: string): void {
  expect([0, 2, 3], `exit ${run.code}\n${run.stderr}`).toContain(run.code);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/internal error/i);
  if (run.code === 2) expect(run.stderr, 'a problem names its file').toContain(file);
}

function expectIdentities(json: { variants: { totals: Record<string, { mean: number } | number | null> }[] }): void {
  const mean = (value: { mean: number } | number | null | undefined): number => (value === null || value === undefined ? 0 : typeof value === 'number' ? value : value.mean ?? 0);
  for (const { totals } of json.variants) {
    const cases = mean(totals['cases']);
    const fates = mean(totals['resolvedCases']) + mean(totals['unresolvedCases']) + mean(totals['openCasesAtEnd']);
    expect(Math.abs(fates - cases), `cases ${cases} vs resolved + unresolved + open ${fates}`).toBeLessThanOrEqual(1e-6 * Math.max(1, cases));
    const attempts = mean(totals['attempts']);
    const outcomes = mean(totals['answered']) + mean(totals['abandoned']) + mean(totals['unansweredAtEnd']);
    expect(Math.abs(outcomes - attempts), `attempts ${attempts} vs answered + abandoned + unanswered ${outcomes}`).toBeLessThanOrEqual(1e-6 * Math.max(1, attempts));
  }
}

describe(`scenario fuzzing (${RUNS} cases, seed ${SEED})`, () => {
  it('writes every unmutated source, as JSON, YAML and YAML with a duplicated key, into a file staffsim reads as the source', async () => {
    for (const base of SOURCES) {
      for (const format of [0, 1, 2]) {
        const { text, extension } = fileText(structuredClone(base.document) as Json, format);
        const file = join(folder, `source-${SOURCES.indexOf(base)}-${format}.${extension}`);
        writeFileSync(file, text);
        const plan = await runCli(['plan', file, '--json']);
        if (format === 1) {
          expect(plan.code, `${base.file} with a duplicated key`).toBe(2);
          expect(plan.stderr).toMatch(/duplicate|unique/i);
        } else expect(plan.code, `${base.file} as ${extension}: ${plan.stderr}`).toBe(0);
      }
    }
  });

  it('answers every mutated scenario with exit 0, 2 or 3, located problems, no stack trace, sound accounting, in bounded time', { timeout: fuzzTimeoutMs(RUNS) }, async () => {
    let index = 0;
    const outcomes = { ok: 0, bad: 0, infeasible: 0 };
    const clock = new CaseClock();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(), async (source, mutations, format) => {
        const base = SOURCES[source] as (typeof SOURCES)[number];
        const document = structuredClone(base.document) as Json;
        for (const m of mutations) applyMutation(document, m);
        const { text, extension } = fileText(document, format);
        const file = join(folder, `case-${index++}.${extension}`);
        writeFileSync(file, text);
        await clock.time(`case ${index - 1} (${base.file} mutated)`, async () => {
          const plan = await runCli(['plan', file, '--json']);
          expectAnswer(plan, file);
          if (plan.code === 0) expectIdentities(JSON.parse(plan.stdout) as never);
          outcomes[plan.code === 0 ? 'ok' : plan.code === 2 ? 'bad' : 'infeasible']++;
          if (plan.code !== 0) return;
          const run = await runCli(['run', file, '--json', '--replications', '1', '--workers', '1']);
          expectAnswer(run, file);
          if (run.code === 0) expectIdentities(JSON.parse(run.stdout) as never);
        });
      }),
      fuzzParameters(RUNS, SEED),
    );
    console.info(`scenario fuzzing: ${RUNS} cases: ${outcomes.ok} planned and run, ${outcomes.bad} refused (exit 2), ${outcomes.infeasible} infeasible (exit 3); slowest ${clock.slowestSeconds.toFixed(2)} s (${clock.slowestCase})`);
    // The fuzzing reaches both sides: valid files that plan and run, and files refused as bad input.
    // About 6 % of the cases plan and run: less than half of that is required, so that any seed passes.
    expect(outcomes.ok).toBeGreaterThan(RUNS / 40);
    expect(outcomes.bad).toBeGreaterThan(RUNS / 4);
  });
});
