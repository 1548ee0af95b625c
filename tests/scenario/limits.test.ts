/**
 * Size limits of scenario files (scenarios/README.md, "Limits"): huge or hostile files get exit 2 with a location,
 * quickly and in bounded memory, while every legitimate size fits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText, readScenarioFile } from '../../src/scenario/load.js';
import { SCENARIO_LIMITS } from '../../src/scenario/limits.js';
import { runCli } from '../helpers/fake-io.js';
import { issuesOf, scenarioText } from './helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'staffsim-limits-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A whole day in one-minute intervals: the most intervals a day can have. */
const DAY_OF_MINUTES = 'calendar:\n  open: "00:00"\n  close: "24:00"\n  intervalMinutes: 1';
const list = (length: number, value = 1): string => `[${new Array<number>(length).fill(value).join(', ')}]`;

describe('list limits', () => {
  it('takes one number per interval of a day of 1,440 one-minute intervals', () => {
    const text = scenarioText({
      calendar: DAY_OF_MINUTES,
      demand: `demand:\n  casesPerDay: 1000\n  intradayProfile: ${list(1440)}`,
      staffing: `staffing:\n  agentsPerInterval: ${list(1440, 5)}`,
    });
    const model = parseScenarioText(text).variants[0]?.model;
    expect(model?.calendar.intervalsPerDay).toBe(1440);
  });

  it('refuses a longer per-interval list with its location, before validating it', () => {
    const issues = issuesOf(scenarioText({ demand: `demand:\n  casesPerDay: 1000\n  intradayProfile: ${list(1441)}` }));
    expect(issues).toEqual([
      {
        file: 'test.yaml',
        line: 7,
        column: 3,
        path: 'demand.intradayProfile',
        code: 'too_many',
        message: 'too many items: at most 1,440 (one per interval: a day has at most 1,440 one-minute intervals) (got 1,441); see "Limits" in scenarios/README.md',
      },
    ]);
  });

  it('limits a list under a key named like a property of every object (toString) as any other list', () => {
    const issues = issuesOf(scenarioText({ extra: `toString: ${list(100_001)}` }));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([['toString', 'too_many']]);
    expect(issues[0]?.message).toBe('too many items: at most 100,000 (got 100,001); see "Limits" in scenarios/README.md');
  });

  it('limits the lists inside variants and sections too: shifts, breaks, empirical durations', () => {
    const shifts = Array.from({ length: 5001 }, (_, i) => `{ name: s${i}, start: "08:00", end: "16:00", agents: 1 }`).join(', ');
    const issues = issuesOf(
      scenarioText({
        handling: `handling:\n  handleTime: { distribution: empirical, seconds: ${list(100_001, 60)} }`,
        extra: `variants:\n  many:\n    staffing: { shifts: [${shifts}] }`,
      }),
    );
    expect(issues.map((issue) => [issue.path, issue.code, issue.line])).toEqual([
      ['handling.handleTime.seconds', 'too_many', 8],
      ['variants.many.staffing.shifts', 'too_many', 13],
    ]);
    expect(issues[0]?.message).toContain('at most 100,000 (observed durations of an empirical distribution) (got 100,001)');
  });

  it('takes 1,000 variants and refuses 1,001', () => {
    const variants = (count: number): string => `variants:\n${Array.from({ length: count }, (_, i) => `  v${i}: { staffing: { agents: ${10 + (i % 5)} } }`).join('\n')}`;
    expect(parseScenarioText(scenarioText({ extra: variants(1000) })).variants).toHaveLength(1000);
    expect(issuesOf(scenarioText({ extra: variants(1001) }))).toEqual([
      { file: 'test.yaml', line: 11, column: 1, path: 'variants', code: 'too_many', message: 'too many variants: at most 1,000 (got 1,001); see "Limits" in scenarios/README.md' },
    ]);
  });

  it('lists at most 100 problems of a file, and counts the rest', () => {
    const keys = Array.from({ length: 150 }, (_, i) => `  extra${i}: 1`).join('\n');
    const issues = issuesOf(scenarioText({ calendar: `calendar:\n  open: "08:00"\n  close: "16:00"\n${keys}` }));
    expect(issues).toHaveLength(101);
    expect(issues[100]).toMatchObject({ code: 'more_problems', message: '… and 50 more problems' });
  });
});

describe('file limits', () => {
  it('refuses a file above 4 MiB before reading it', () => {
    const path = join(folder, 'huge.yaml');
    writeFileSync(path, `${scenarioText()}# ${'x'.repeat(SCENARIO_LIMITS.fileBytes)}\n`);
    expect(() => readScenarioFile(path)).toThrow(`${path}:1:1: the file has 4 MiB; at most 4 MiB are read; see "Limits" in scenarios/README.md`);
  });

  it('refuses a text with more than 200,000 values before parsing it, at the line where the limit is reached', () => {
    const issues = issuesOf(scenarioText({ demand: `demand:\n  casesPerDay: 1000\n  intradayProfile: ${list(250_000)}` }));
    expect(issues).toEqual([
      {
        file: 'test.yaml',
        line: 7,
        column: 1,
        path: '',
        code: 'too_large',
        message: 'the file holds more than 200,000 values (counted as commas and line breaks; the limit is reached on this line); see "Limits" in scenarios/README.md',
      },
    ]);
  });

  it('answers the 50 MB profile of the report (8.7 million numbers) with exit 2 at once', async () => {
    const path = join(folder, 'profile.yaml');
    writeFileSync(path, scenarioText({ demand: `demand:\n  casesPerDay: 1000\n  intradayProfile: ${list(8_700_000)}` }));
    const run = await runCli(['plan', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^staffsim: \S+profile\.yaml:1:1: the file has \d+(\.\d)? MiB; at most 4 MiB are read; see "Limits" in scenarios\/README\.md\n$/);
  });

  it('says where an empty file is', () => {
    expect(issuesOf('')).toEqual([
      expect.objectContaining({ file: 'test.yaml', line: 1, column: 1, code: 'invalid_type', message: expect.stringContaining('(got an empty document)') }),
    ]);
    expect(issuesOf('# only a comment\n')[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('refuses nesting deeper than 32 levels, located', () => {
    const issues = issuesOf(scenarioText({ extra: `deep: ${'['.repeat(40)}${']'.repeat(40)}` }));
    expect(issues).toEqual([expect.objectContaining({ line: 11, code: 'too_deep', message: 'nested more than 32 levels deep; see "Limits" in scenarios/README.md' })]);
  });
});

describe('YAML aliases', () => {
  it('reads a legitimate file with many aliases (more than the 100 the YAML reader allows by default)', () => {
    const shifts = Array.from({ length: 150 }, (_, i) => `    - { name: s${i}, start: "08:00", end: "16:00", agents: 1, breaks: *lunch }`).join('\n');
    const text = scenarioText({ staffing: `staffing:\n  shifts:\n${shifts}`, extra: 'x-lunch: &lunch [{ start: "12:00", minutes: 30 }]' });
    // x-lunch is not a scenario key: the anchor is defined in a list item instead.
    const withAnchor = text
      .replace('x-lunch: &lunch [{ start: "12:00", minutes: 30 }]\n', '')
      .replace('    - { name: s0, start: "08:00", end: "16:00", agents: 1, breaks: *lunch }', '    - { name: s0, start: "08:00", end: "16:00", agents: 1, breaks: &lunch [{ start: "12:00", minutes: 30 }] }');
    const model = parseScenarioText(withAnchor).variants[0]?.model;
    expect(model?.staffing.kind).toBe('shifts');
  });

  it('refuses an alias bomb before expanding it, at the alias that expands most', () => {
    const levels = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const issues = issuesOf(scenarioText({ extra: `x:\n${levels.map((l) => `  ${l}`).join('\n')}` }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'test.yaml', line: 20, code: 'too_large' });
    expect(issues[0]?.message).toMatch(/^the document expands to [\d,]+ values, more than 1,000,000 \(this alias alone expands to 111,111,111: aliases of aliases multiply\); see "Limits"/);
  });

  it('locates an alias without an anchor', () => {
    expect(issuesOf(scenarioText({ staffing: 'staffing:\n  agents: *many' }))).toEqual([
      { file: 'test.yaml', line: 10, column: 11, path: '', code: 'unresolved_alias', message: 'the alias *many has no anchor &many before it' },
    ]);
  });

  it('refuses more than 5,000 aliases, located', () => {
    const items = Array.from({ length: 5001 }, () => '*w').join(', ');
    const issues = issuesOf(scenarioText({ extra: `w: &w 1\nws: [${items}]` }));
    expect(issues).toEqual([expect.objectContaining({ line: 12, code: 'too_many', message: 'more than 5,000 aliases; see "Limits" in scenarios/README.md' })]);
  });
});
