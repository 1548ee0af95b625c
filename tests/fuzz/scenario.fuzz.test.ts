/**
 * Property-based fuzzing of scenario files (issue: hostile and extreme input): the shipped scenarios and the test
 * fixtures, each mutated — keys dropped, renamed or set to `__proto__`, numbers replaced by 0, negatives, 1e308,
 * 5e-324 or not-a-number, values of the wrong type, huge lists, invalid times, duplicate keys — are run through `plan`
 * and a short `run`. Whatever the file, staffsim must answer with exit 0, 2 or 3 only; a 2 names the file (and so a
 * location) and never shows a stack trace; a 0 obeys the accounting identities (every counted case has one fate,
 * every attempt one outcome).
 *
 * `npm test` runs FUZZ_RUNS (default 2,000) cases with a fixed seed; `npm run test:fuzz` runs 100,000.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../helpers/fake-io.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);

/** The files mutated: every shipped scenario and the scenario fixtures, each shrunk to one day so a case is quick. */
const SOURCES = [
  'scenarios/municipal-contact-centre.yaml',
  'scenarios/bank-call-centre.yaml',
  'scenarios/textbook-erlang-c.yaml',
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

/** Every path to a value in a document (keys of mappings, indices of lists). */
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

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.constantFrom('__proto__', 'constructor', 'prototype', 'staffng', 'agents', 'groups', 'x') }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.constantFrom(...WEIRD_NUMBERS) }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom(...WEIRD_VALUES) }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), length: fc.constantFrom(2000, 200_000) }),
  fc.record({ kind: fc.constant('proto' as const), at: fc.nat() }),
);

function applyMutation(document: Json, m: Mutation): Json {
  const copy = structuredClone(document) as Json;
  const paths = pathsOf(copy);
  if (paths.length === 0) return copy;
  const path = paths[m.at % paths.length] as (string | number)[];
  let parent: Json = copy;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string, Json>)[segment as string] as Json;
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
      container[key] = typeof container[key] === 'number' || m.at % 3 === 0 ? m.value : container[key] as Json;
      if (typeof container[key] !== 'number') container[key] = m.value;
      break;
    case 'value':
      container[key] = m.value;
      break;
    case 'huge':
      container[key] = Array.from({ length: m.length }, (_, i) => (i % 7) + 1);
      break;
    case 'proto':
      Object.defineProperty(container, '__proto__', { value: { shrinkage: 0.5, agents: 3 }, enumerable: true, writable: true, configurable: true });
      break;
  }
  return copy;
}

/** The mutated document as file text: YAML (with a duplicated key, sometimes) or JSON. */
function fileText(document: Json, format: number): { text: string; extension: string } {
  if (format % 3 === 0) return { text: JSON.stringify(document, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value)), extension: 'json' };
  let text = stringify(document, { aliasDuplicateObjects: false });
  if (format % 3 === 1) {
    const firstKey = /^([A-Za-z]\w*):/m.exec(text);
    if (firstKey !== null) text += `${firstKey[1]}: duplicate\n`;
  }
  return { text, extension: 'yaml' };
}

const STACK_TRACE = /^\s+at .+(?:\(|:\d+:\d+)/m;

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
  it('answers every mutated scenario with exit 0, 2 or 3, located problems, no stack trace, and sound accounting', async () => {
    let index = 0;
    const outcomes = { ok: 0, bad: 0, infeasible: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(), async (source, mutations, format) => {
        const base = SOURCES[source] as (typeof SOURCES)[number];
        const document = mutations.reduce<Json>((doc, m) => applyMutation(doc, m), base.document as Json);
        const { text, extension } = fileText(document, format);
        const file = join(folder, `case-${index++}.${extension}`);
        writeFileSync(file, text);
        const plan = await runCli(['plan', file, '--json']);
        expectAnswer(plan, file);
        if (plan.code === 0) expectIdentities(JSON.parse(plan.stdout) as never);
        outcomes[plan.code === 0 ? 'ok' : plan.code === 2 ? 'bad' : 'infeasible']++;
        if (plan.code !== 0) return;
        const run = await runCli(['run', file, '--json', '--replications', '1', '--workers', '1']);
        expectAnswer(run, file);
        if (run.code === 0) expectIdentities(JSON.parse(run.stdout) as never);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The fuzzing reaches both sides: valid files that plan and run, and files refused as bad input.
    expect(outcomes.ok).toBeGreaterThan(RUNS / 20);
    expect(outcomes.bad).toBeGreaterThan(RUNS / 4);
  }, 60_000 + RUNS * 200);
});
