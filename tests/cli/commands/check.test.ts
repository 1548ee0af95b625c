import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../helpers/fake-io.js';
import { childrenNamed, parseXml, type XmlElement } from '../../fixtures/check/xml.js';

/** Two variants (lean: 3 agents, more-agents: 6), 8 replications, seed 11; every assertion holds. */
const SMALL = 'tests/fixtures/check/small.yaml';
/** The same model; lean fails serviceLevel ≥ 0.8 and "*" asaSeconds ≤ 10. */
const FAILING = 'tests/fixtures/check/failing.yaml';
/** `expect.base.serviceLvl`: an unknown metric. */
const UNKNOWN_METRIC = 'tests/fixtures/check/unknown-metric.yaml';
/** Variant `perfect` targets a 100% service level. */
const INFEASIBLE = 'tests/fixtures/check/infeasible.yaml';
/** a-good.yaml, b-broken.yaml, a CI file, a JSON note, baselines/, nested/d-nested.yaml. */
const FOLDER = 'tests/fixtures/check/folder';

interface Estimate {
  mean: number | null;
  ci95: number | null;
}
interface CheckJson {
  staffsimVersion: string;
  timestamp: string;
  seconds: number;
  ok: boolean;
  exitCode: number;
  quick: boolean;
  maxReplications: number | null;
  seed: number | null;
  baselineDir: string | null;
  tolerance: number;
  requireBaseline: boolean;
  counts: { scenarios: number; variants: number; tests: number; passed: number; failed: number; skipped: number; errors: number };
  scenarios: {
    file: string;
    name: string | null;
    status: 'passed' | 'failed' | 'error';
    seconds: number;
    variants: { name: string; replications: number; seed: number; seconds: number }[];
    assertions: ({
      variant: string;
      metric: string;
      min: number | null;
      max: number | null;
      confidence: string;
      fromWildcard: boolean;
      line: number | null;
      column: number | null;
      passed: boolean;
      message: string;
    } & Estimate)[];
    baseline: {
      mode: string;
      file: string;
      written?: boolean;
      unmatchedVariants?: string[];
      variants?: { variant: string; status: string; changed?: string[]; metrics?: { metric: string; changed: boolean; pValue: number | null }[] }[];
    } | null;
    errors: { kind: string; variant: string | null; file: string; line: number | null; column: number | null; path: string; code: string; message: string }[];
  }[];
}

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-check-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function check(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(['check', ...args], env);
}

async function checkJson(args: readonly string[], expectedCode = 0): Promise<CheckJson> {
  const run = await check([...args, '--json', '--workers', '1']);
  expect(run.code, run.stderr).toBe(expectedCode);
  return JSON.parse(run.stdout) as CheckJson;
}

/** The 1-based line and column of the first `text` in a file. */
function positionOf(path: string, text: string): { line: number; column: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`${text} not in ${path}`);
  return { line: line + 1, column: (lines[line] as string).indexOf(text) + 1 };
}

/** small.yaml with its `expect:` section replaced (and other text replaced), in a fresh folder. */
function scenarioCopy(folder: string, name: string, options: { expect?: string; replace?: readonly [string, string][] } = {}): string {
  let text = readFileSync(SMALL, 'utf8');
  if (options.expect !== undefined) text = `${text.slice(0, text.indexOf('expect:'))}${options.expect}\n`;
  for (const [from, to] of options.replace ?? []) {
    if (!text.includes(from)) throw new Error(`"${from}" is not in ${SMALL}`);
    text = text.replace(from, to);
  }
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('staffsim check: assertions', () => {
  it('exits 0 and prints one row per assertion when every assertion holds', async () => {
    const run = await check([SMALL, '--workers', '1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe("staffsim check — replications as each scenario sets them · each scenario's seed");
    expect(lines[2]).toMatch(/^scenario\s+variant\s+check\s+value ±95%\s+bound\s+result$/);
    const rows = lines.filter((line) => line.startsWith(SMALL));
    expect(rows.map((row) => row.split(/\s{2,}/).filter((cell, i) => i !== 3))).toEqual([
      [SMALL, 'lean', 'abandonedShare ("*")', '≤ 0.6', 'pass'],
      [SMALL, 'more-agents', 'serviceLevel', '≥ 0.5', 'pass'],
      [SMALL, 'more-agents', 'paidAgentHours', '11.9 … 12.1 (strict)', 'pass'],
      [SMALL, 'more-agents', 'abandonedShare ("*")', '≤ 0.6', 'pass'],
    ]);
    expect(run.stdout).toMatch(/\n4 checks: 4 passed, 0 failed, 0 skipped, 0 errors · 1 scenario, 2 variants · \d+\.\d s\n$/);
  });

  it('exits 1 when an assertion fails, with the value and the bound in the row', async () => {
    const run = await check([FAILING, '--workers', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const failed = run.stdout.split('\n').filter((line) => line.endsWith('FAIL'));
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/lean\s+serviceLevel\s+0\.\d+ ± 0\.\d+\s+≥ 0\.8\s+FAIL$/);
    expect(failed[1]).toMatch(/lean\s+asaSeconds \("\*"\)\s+[\d.]+ ± [\d.]+\s+≤ 10\s+FAIL$/);
    expect(run.stdout).toContain('4 checks: 2 passed, 2 failed, 0 skipped, 0 errors');
  });

  it('applies "*" to every variant', async () => {
    const json = await checkJson([SMALL]);
    const wildcard = json.scenarios[0]?.assertions.filter((a) => a.fromWildcard);
    expect(wildcard?.map((a) => `${a.variant} ${a.metric} ≤ ${a.max}`)).toEqual(['lean abandonedShare ≤ 0.6', 'more-agents abandonedShare ≤ 0.6']);
  });

  it('strict: fails when the mean is inside the bound but the 95% interval crosses it', async () => {
    const folder = freshFolder();
    const probe = await checkJson([scenarioCopy(folder, 'probe.yaml', { expect: 'expect:\n  lean:\n    serviceLevel: { min: 0 }' })]);
    const { mean, ci95 } = probe.scenarios[0]?.assertions[0] as Estimate;
    if (mean === null || ci95 === null) throw new Error('no service level');
    expect(ci95).toBeGreaterThan(0.01);
    const min = Number((mean - ci95 / 2).toFixed(4)); // below the mean, above the interval's lower end
    const onMean = scenarioCopy(folder, 'mean.yaml', { expect: `expect:\n  lean:\n    serviceLevel: { min: ${min} }` });
    const strict = scenarioCopy(folder, 'strict.yaml', { expect: `expect:\n  lean:\n    serviceLevel: { min: ${min}, confidence: strict }` });
    expect((await checkJson([onMean])).ok).toBe(true);
    const failed = await checkJson([strict], 1);
    const assertion = failed.scenarios[0]?.assertions[0];
    expect(assertion).toMatchObject({ confidence: 'strict', passed: false, mean, ci95 });
    expect(assertion?.message).toContain('the mean is inside, but the interval reaches down to');
  });

  it('exits 2 for an unknown metric name in expect:, located in the file, and prints no table row for it', async () => {
    const run = await check([UNKNOWN_METRIC, '--workers', '1']);
    expect(run.code).toBe(2);
    const { line, column } = positionOf(UNKNOWN_METRIC, 'serviceLvl');
    expect(run.stderr).toBe(`staffsim: ${UNKNOWN_METRIC}:${line}:${column}: expect.base.serviceLvl: unknown metric "serviceLvl" (did you mean "serviceLevel"?)\n`);
    expect(run.stdout).toMatch(new RegExp(`${UNKNOWN_METRIC}\\s+–\\s+load\\s+–\\s+–\\s+ERROR`));
  });

  it('exits 3 for an infeasible target and still checks the other variants', async () => {
    const run = await check([INFEASIBLE, '--workers', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^staffsim: infeasible: tests\/fixtures\/check\/infeasible\.yaml: variants\.perfect: .*service level of 1/);
    expect(run.stdout).toMatch(/fixed\s+abandonedShare \("\*"\)\s+\S+\s+≤ 0\.5\s+pass/);
    expect(run.stdout).toMatch(/perfect\s+plan staffing\s+–\s+–\s+ERROR/);
  });

  it('says when a scenario has nothing to check', async () => {
    const folder = freshFolder();
    const path = scenarioCopy(folder, 'plain.yaml', { expect: '' });
    const run = await check([path, '--workers', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing to check (no expect: section, no --baseline)');
    expect(run.stdout).toContain('0 checks');
  });
});

describe('staffsim check: finding scenarios', () => {
  it('runs every scenario in a folder, recursively; reports a broken one with its location and exits 2; skips files that are not scenarios', async () => {
    const run = await check([FOLDER, '--workers', '1']);
    expect(run.code).toBe(2);
    const close = positionOf(`${FOLDER}/b-broken.yaml`, '"07:00"');
    expect(run.stderr.split('\n')).toEqual([
      `staffsim: ${FOLDER}/b-broken.yaml:${close.line}:${close.column}: calendar.close: expected a time after open "08:00" (got "07:00")`,
      expect.stringMatching(new RegExp(`^staffsim: ${FOLDER}/b-broken\\.yaml:\\d+:\\d+: handling\\.handleTime\\.meanSeconds: `)),
      '',
    ]);
    expect(run.stdout).toMatch(new RegExp(`${FOLDER}/a-good\\.yaml\\s+base\\s+answeredShare\\s+\\S+\\s+≥ 0\\.99\\s+pass`));
    expect(run.stdout).toMatch(new RegExp(`${FOLDER}/nested/d-nested\\.yaml\\s+base\\s+occupancy \\("\\*"\\)\\s+.*pass`));
    expect(run.stdout).toMatch(new RegExp(`${FOLDER}/b-broken\\.yaml\\s+–\\s+load\\s+–\\s+–\\s+ERROR`));
    for (const skipped of ['c-ci-config', 'notes.json', 'baselines']) expect(`${run.stdout}${run.stderr}`).not.toContain(skipped);
    expect(run.stdout).toContain('3 checks: 2 passed, 0 failed, 0 skipped, 1 error · 2 scenarios, 2 variants');
  });

  it('checks a file given by name even when it does not look like a scenario', async () => {
    const run = await check([`${FOLDER}/c-ci-config.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${FOLDER}/c-ci-config.yaml`);
    expect(run.stderr).toContain('unknown key "stages"');
  });

  it('exits 2 for a path that does not exist and for a folder without scenarios, after checking the rest', async () => {
    const empty = freshFolder();
    writeFileSync(join(empty, 'notes.yaml'), 'title: not a scenario\n');
    const run = await check([SMALL, 'tests/fixtures/check/no-such.yaml', empty, '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('staffsim: tests/fixtures/check/no-such.yaml: no such file or folder\n');
    expect(run.stderr).toContain(`staffsim: ${empty}: no scenario files here`);
    expect(run.stdout).toContain('6 checks: 4 passed, 0 failed, 0 skipped, 2 errors');
  });

  it('reports YAML syntax errors of files found in a folder with line and column', async () => {
    const folder = freshFolder();
    copyFileSync(SMALL, join(folder, 'good.yaml'));
    writeFileSync(join(folder, 'syntax.yaml'), 'name: x\ncalendar: { open: "08:00"\n');
    const run = await check([folder, '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^staffsim: ${folder}/syntax\\.yaml:\\d+:\\d+: YAML syntax error`));
    expect(run.stdout).toContain('good.yaml');
  });
});

describe('staffsim check --json', () => {
  it('prints one document with the settings, counts, and per scenario its variants, assertions, baseline and errors', async () => {
    const json = await checkJson([SMALL, FAILING], 1);
    expect(Object.keys(json)).toEqual([
      'staffsimVersion',
      'timestamp',
      'seconds',
      'ok',
      'exitCode',
      'quick',
      'maxReplications',
      'seed',
      'baselineDir',
      'tolerance',
      'requireBaseline',
      'set',
      'counts',
      'scenarios',
    ]);
    expect(json).toMatchObject({ ok: false, exitCode: 1, quick: false, maxReplications: null, seed: null, baselineDir: null, tolerance: 0.02 });
    expect(json.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(json.counts).toEqual({ scenarios: 2, variants: 4, tests: 8, passed: 6, failed: 2, skipped: 0, errors: 0 });
    const [small, failing] = json.scenarios;
    expect(Object.keys(small ?? {})).toEqual(['file', 'name', 'status', 'seconds', 'variants', 'assertions', 'baseline', 'errors']);
    expect(small).toMatchObject({ file: SMALL, name: 'Check fixture', status: 'passed', baseline: null, errors: [] });
    expect(failing?.status).toBe('failed');
    expect(small?.variants.map((v) => [v.name, v.replications, v.seed])).toEqual([
      ['lean', 8, 11],
      ['more-agents', 8, 11],
    ]);
    const first = small?.assertions[0];
    expect(Object.keys(first ?? {})).toEqual(['variant', 'metric', 'min', 'max', 'confidence', 'fromWildcard', 'line', 'column', 'mean', 'ci95', 'passed', 'message']);
    expect(first).toMatchObject({ variant: 'lean', metric: 'abandonedShare', min: null, max: 0.6, confidence: 'mean', fromWildcard: true, passed: true });
    expect(first?.line).toBe(positionOf(SMALL, 'abandonedShare').line);
  });

  it('gives the same numbers on one thread and on a pool of worker threads', async () => {
    const one = await checkJson([SMALL]);
    const run = await check([SMALL, '--json', '--workers', '3']);
    expect(run.code, run.stderr).toBe(0);
    const pool = JSON.parse(run.stdout) as CheckJson;
    const values = (json: CheckJson) => json.scenarios.flatMap((s) => s.assertions.map((a) => [a.variant, a.metric, a.mean, a.ci95]));
    expect(values(pool)).toEqual(values(one));
  });
});

describe('staffsim check --quick', () => {
  it('runs at most 5 replications per variant and says so in the table, the JSON and the JUnit report', async () => {
    const folder = freshFolder();
    const text = await check([SMALL, '--quick', '--workers', '1', '--junit', join(folder, 'report.xml')]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(
      "staffsim check — quick: at most 5 replications per variant (fewer than the scenarios ask for: wider intervals, a smoke test) · each scenario's seed",
    );
    const json = await checkJson([SMALL, '--quick']);
    expect(json).toMatchObject({ quick: true, maxReplications: 5 });
    expect(json.scenarios[0]?.variants.map((v) => v.replications)).toEqual([5, 5]);
    const suite = childrenNamed(parseXml(readFileSync(join(folder, 'report.xml'), 'utf8')), 'testsuite')[0] as XmlElement;
    const properties = childrenNamed(childrenNamed(suite, 'properties')[0] as XmlElement, 'property');
    expect(properties.find((p) => p.attributes['name'] === 'quick')?.attributes['value']).toBe('true');
    expect(properties.find((p) => p.attributes['name'] === 'replications')?.attributes['value']).toBe('5');
  });

  it('keeps fewer replications when the scenario asks for fewer than 5', async () => {
    const json = await checkJson([`${FOLDER}/nested/d-nested.yaml`, '--quick']);
    expect(json.scenarios[0]?.variants[0]?.replications).toBe(2);
  });
});

describe('staffsim check --junit', () => {
  it('writes a well-formed JUnit report with one suite per scenario file and one case per assertion, even when checks fail', async () => {
    const folder = freshFolder();
    const path = join(folder, 'reports.xml');
    const run = await check([SMALL, FAILING, `${FOLDER}/b-broken.yaml`, '--workers', '1', '--junit', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`staffsim: wrote ${path}\n`);
    expect(readdirSync(folder)).toEqual(['reports.xml']);
    const root = parseXml(readFileSync(path, 'utf8'));
    expect(root.attributes).toMatchObject({ name: 'staffsim check', tests: '9', failures: '2', errors: '1', skipped: '0' });
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => [s.attributes['name'], s.attributes['tests'], s.attributes['failures'], s.attributes['errors']])).toEqual([
      [SMALL, '4', '0', '0'],
      [FAILING, '4', '2', '0'],
      [`${FOLDER}/b-broken.yaml`, '1', '0', '1'],
    ]);
    for (const suite of suites) {
      const cases = childrenNamed(suite, 'testcase');
      expect(cases.length).toBe(Number(suite.attributes['tests']));
      for (const testcase of cases) expect(Number(testcase.attributes['time'])).toBeGreaterThanOrEqual(0);
    }
    const failures = childrenNamed(suites[1] as XmlElement, 'testcase').flatMap((c) => childrenNamed(c, 'failure'));
    expect(failures.map((f) => f.attributes['message'])).toEqual([
      expect.stringMatching(/^serviceLevel = 0\.\d+ ± 0\.\d+: the mean is below min 0\.8$/),
      expect.stringMatching(/^asaSeconds = [\d.]+ ± [\d.]+: the mean is above max 10$/),
    ]);
    const properties = childrenNamed(childrenNamed(suites[0] as XmlElement, 'properties')[0] as XmlElement, 'property');
    expect(Object.fromEntries(properties.map((p) => [p.attributes['name'], p.attributes['value']]))).toMatchObject({
      scenario: 'Check fixture',
      seed: '11',
      replications: '8',
      quick: 'false',
      staffsimVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('writes the report to stdout with --junit -', async () => {
    const run = await check([SMALL, '--workers', '1', '--junit', '-']);
    expect(run.code).toBe(0);
    expect(parseXml(run.stdout).attributes['tests']).toBe('4');
  });

  it('creates the folder of the report', async () => {
    const path = join(freshFolder(), 'reports', 'staffsim.xml');
    const run = await check([SMALL, '--workers', '1', '--junit', path]);
    expect(run.code).toBe(0);
    expect(parseXml(readFileSync(path, 'utf8')).attributes['tests']).toBe('4');
  });

  it('exits 2 before simulating when the report cannot be written', async () => {
    const folder = freshFolder();
    const run = await check([SMALL, '--junit', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`staffsim: --junit: ${folder}: cannot write here (it is a folder)\n`);
    expect(run.stdout).toBe('');
    writeFileSync(join(folder, 'file'), '');
    const underFile = await check([SMALL, '--junit', join(folder, 'file', 'report.xml')]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toMatch(/^staffsim: --junit: cannot create the folder of .*report\.xml \(a file is in the way\)$/m);
  });
});

describe('staffsim check on GitHub Actions', () => {
  it('writes an ::error annotation at the line of each failed assertion, on stderr, only when GITHUB_ACTIONS=true', async () => {
    const run = await check([FAILING, '--workers', '1'], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    const annotations = run.stderr.split('\n').filter((line) => line.startsWith('::'));
    const sl = positionOf(FAILING, 'serviceLevel: { min: 0.8 }');
    const asa = positionOf(FAILING, 'asaSeconds');
    expect(annotations).toHaveLength(2);
    expect(annotations[0]?.startsWith(`::error file=${FAILING},line=${sl.line},col=${sl.column},title=staffsim check%3A lean%3A serviceLevel ≥ 0.8::`)).toBe(true);
    expect(annotations[1]?.startsWith(`::error file=${FAILING},line=${asa.line},col=${asa.column},title=staffsim check%3A lean%3A asaSeconds ≤ 10 (from "*")::`)).toBe(true);
    expect(annotations[0]).toMatch(/::serviceLevel = 0\.\d+ ± 0\.\d+: the mean is below min 0\.8$/);
    expect(run.stdout).not.toContain('::error');
    const local = await check([FAILING, '--workers', '1']);
    expect(local.stderr).toBe('');
  });

  it('annotates broken files at their location, with paths relative to GITHUB_WORKSPACE', async () => {
    const run = await check([`${FOLDER}/b-broken.yaml`], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: join(process.cwd(), 'tests') });
    const close = positionOf(`${FOLDER}/b-broken.yaml`, '"07:00"');
    expect(run.stderr).toContain(
      `::error file=fixtures/check/folder/b-broken.yaml,line=${close.line},col=${close.column},title=staffsim check%3A load scenario::${FOLDER}/b-broken.yaml:${close.line}:${close.column}: calendar.close: expected a time after open "08:00" (got "07:00") (and 1 more)\n`,
    );
  });
});

describe('staffsim check --baseline', () => {
  /** A folder with small.yaml (as scenario.yaml) and its baseline written. */
  async function withBaseline(): Promise<{ folder: string; scenario: string; baselines: string }> {
    const folder = freshFolder();
    const scenario = scenarioCopy(folder, 'scenario.yaml');
    const baselines = join(folder, 'baselines');
    const run = await check([folder, '--baseline', baselines, '--update-baseline', '--workers', '1']);
    expect(run.code, run.stderr).toBe(0);
    return { folder, scenario, baselines };
  }

  it('--update-baseline writes one JSON file per scenario, atomically, in the documented format', async () => {
    const { baselines } = await withBaseline();
    expect(readdirSync(baselines)).toEqual(['scenario.json']); // no temporary file left behind
    const baseline = JSON.parse(readFileSync(join(baselines, 'scenario.json'), 'utf8')) as {
      format: string;
      scenario: string;
      file: string;
      staffsimVersion: string;
      variants: Record<string, { replications: number; seed: number; totals: Record<string, Estimate> }>;
    };
    expect(Object.keys(baseline)).toEqual(['format', 'scenario', 'file', 'staffsimVersion', 'variants']);
    expect(baseline).toMatchObject({ format: 'staffsim-baseline/1', scenario: 'Check fixture', file: 'scenario.yaml' });
    expect(Object.keys(baseline.variants)).toEqual(['lean', 'more-agents']);
    expect(baseline.variants['lean']).toMatchObject({ replications: 8, seed: 11 });
    expect(Object.keys(baseline.variants['lean']?.totals ?? {})).toHaveLength(30);
    expect(baseline.variants['more-agents']?.totals['paidAgentHours']).toEqual({ mean: 12, ci95: 0 });
  });

  it('--update-baseline leaves an unchanged baseline alone and says so', async () => {
    const { folder, baselines } = await withBaseline();
    const before = statSync(join(baselines, 'scenario.json')).mtimeMs;
    const run = await check([folder, '--baseline', baselines, '--update-baseline', '--workers', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/scenario\.yaml\s+–\s+baseline\s+2 variants, unchanged\s+\S+scenario\.json\s+kept/);
    expect(statSync(join(baselines, 'scenario.json')).mtimeMs).toBe(before);
  });

  it('--update-baseline that cannot write reports it (exit 2) and leaves no partial file', async () => {
    const folder = freshFolder();
    scenarioCopy(folder, 'scenario.yaml');
    mkdirSync(join(folder, 'baselines', 'scenario.json'), { recursive: true }); // a folder where the file should go
    const run = await check([folder, '--baseline', join(folder, 'baselines'), '--update-baseline', '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scenario.json: cannot write here (it is a folder)');
    expect(readdirSync(join(folder, 'baselines'))).toEqual(['scenario.json']);
  });

  it('passes an unchanged scenario', async () => {
    const { folder, baselines } = await withBaseline();
    const run = await check([folder, '--baseline', baselines, '--workers', '1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/lean\s+baseline\s+30 metrics, none changed\s+±2% & significant\s+pass/);
    expect(run.stdout).toContain('6 checks: 6 passed');
  });

  it('passes noise: the same scenario with another seed', async () => {
    const { folder, baselines } = await withBaseline();
    for (const seed of ['1', '2', '3']) {
      const json = await checkJson([folder, '--baseline', baselines, '--seed', seed]);
      expect(json.seed).toBe(Number(seed));
      const significant = json.scenarios[0]?.baseline?.variants?.flatMap((v) => v.metrics?.filter((m) => m.changed) ?? []);
      expect(significant).toEqual([]);
    }
  });

  it('fails a real change (fewer agents), naming the metrics that changed', async () => {
    const { folder, scenario, baselines } = await withBaseline();
    // Only the baseline can fail: the assertion on paid hours is widened to let 4 agents through.
    const text = readFileSync(scenario, 'utf8')
      .replace('staffing: { agents: 6 }', 'staffing: { agents: 4 }')
      .replace('paidAgentHours: { min: 11.9, max: 12.1, confidence: strict }', 'paidAgentHours: { min: 7.9, max: 12.1 }');
    writeFileSync(scenario, text);
    const run = await check([folder, '--baseline', baselines, '--workers', '1'], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/lean\s+baseline\s+30 metrics, none changed\s+.*pass/);
    expect(run.stdout).toMatch(/more-agents\s+baseline\s+\d+ of 30 changed\s+±2% & significant\s+FAIL/);
    expect(run.stdout).toContain('Changed from the baseline (significant and beyond the tolerance):');
    expect(run.stdout).toMatch(/more-agents: paidAgentHours 12 → 8 \(−33\.3%, p = 0\)/);
    expect(run.stdout).toMatch(/more-agents: occupancy [\d.]+ ± [\d.]+ → [\d.]+ ± [\d.]+ \(\+[\d.]+%, p = [\d.e-]+\)/);
    expect(run.stdout.split('\n').filter((line) => line.endsWith('FAIL'))).toHaveLength(1);
    expect(run.stderr).toMatch(/^::error file=\S+scenario\.yaml,title=staffsim check%3A more-agents%3A matches baseline::\d+ of 30 metrics changed significantly by more than 2%25: /m);
    // A wider tolerance lets the 33% drop in paid hours through; only larger changes still fail.
    const changed = async (tolerance: string[]) =>
      (await checkJson([folder, '--baseline', baselines, ...tolerance], 1)).scenarios[0]?.baseline?.variants?.[1]?.changed ?? [];
    const byDefault = await changed([]);
    const wide = await changed(['--tolerance', '50%']);
    expect(byDefault).toContain('paidAgentHours');
    expect(wide).not.toContain('paidAgentHours');
    expect(wide.length).toBeGreaterThan(0);
    expect(byDefault).toEqual(expect.arrayContaining(wide));
  });

  it('reports a missing baseline as skipped, and fails it with --require-baseline', async () => {
    const { folder, baselines } = await withBaseline();
    copyFileSync(SMALL, join(folder, 'another.yaml'));
    const run = await check([folder, '--baseline', baselines, '--workers', '1'], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/another\.yaml\s+lean\s+baseline\s+no baseline\s+–\s+skip/);
    expect(run.stderr).toMatch(/^::warning file=\S+another\.yaml,title=staffsim check%3A lean%3A matches baseline::no baseline file \S+another\.json \(create it with --update-baseline\)$/m);
    const required = await check([folder, '--baseline', baselines, '--require-baseline', '--workers', '1']);
    expect(required.code).toBe(1);
    expect(required.stdout).toMatch(/another\.yaml\s+lean\s+baseline\s+no baseline\s+–\s+FAIL/);
  });

  it('exits 2 for a baseline that is not a staffsim baseline, and still checks the assertions', async () => {
    const { folder, baselines } = await withBaseline();
    writeFileSync(join(baselines, 'scenario.json'), '{ "format": "staffsim-baseline/1", "variants": ');
    const run = await check([folder, '--baseline', baselines, '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^staffsim: \S+scenario\.json:1:48: not a staffsim baseline: JSON syntax error .*; rewrite it with --update-baseline$/m);
    expect(run.stdout).toContain('4 passed');
  });

  it('locates a bad value in a baseline at its key', async () => {
    const { folder, baselines } = await withBaseline();
    const path = join(baselines, 'scenario.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"replications": 8', '"replications": -8'));
    const lines = readFileSync(path, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('"replications": -8')) + 1;
    const run = await check([folder, '--baseline', baselines, '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`staffsim: ${path}:${line}:23: variants.lean.replications: expected an integer ≥ 1 (got -8)\n`);
  });

  it('does not pass a variant whose baseline holds no metric ("totals": {}): reported, and failed with --require-baseline', async () => {
    const { folder, baselines } = await withBaseline();
    const path = join(baselines, 'scenario.json');
    const baseline = JSON.parse(readFileSync(path, 'utf8')) as { variants: Record<string, { totals: object }> };
    for (const variant of Object.values(baseline.variants)) variant.totals = {};
    writeFileSync(path, JSON.stringify(baseline, null, 2));
    const reported = await check([folder, '--baseline', baselines, '--workers', '1'], { GITHUB_ACTIONS: 'true' });
    expect(reported.code).toBe(0);
    expect(reported.stdout).toMatch(/lean\s+baseline\s+no baseline\s+–\s+skip/);
    expect(reported.stdout).not.toMatch(/baseline\s+0 metrics/);
    expect(reported.stderr).toContain(`::warning file=`);
    expect(reported.stderr).toContain(`the baseline of "lean" in ${path} holds no metric (empty totals); rewrite it with --update-baseline`);
    const required = await check([folder, '--baseline', baselines, '--require-baseline', '--workers', '1']);
    expect(required.code).toBe(1);
    expect(required.stdout).toMatch(/lean\s+baseline\s+no baseline\s+–\s+FAIL/);
  });

  it('refuses __proto__, constructor and prototype in a baseline as unknown keys, located', async () => {
    const { folder, baselines } = await withBaseline();
    const path = join(baselines, 'scenario.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"variants": {', '"variants": {\n    "__proto__": { "replications": 1, "seed": 0, "totals": {} },'));
    const run = await check([folder, '--baseline', baselines, '--workers', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/scenario\.json:\d+:5: variants\.__proto__: unknown key "__proto__" \(__proto__, constructor, prototype are reserved and never keys of a baseline\)/);
    expect(({} as Record<string, unknown>)['replications']).toBe(undefined);
  });

  it('uses the path inside the folder searched, so that a folder and a file share their baselines', async () => {
    const { folder, scenario, baselines } = await withBaseline();
    mkdirSync(join(folder, 'team'));
    copyFileSync(scenario, join(folder, 'team', 'queue.yaml'));
    const update = await check([folder, '--baseline', baselines, '--update-baseline', '--workers', '1']);
    expect(update.code).toBe(0);
    expect(existsSync(join(baselines, 'team', 'queue.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(baselines, 'team', 'queue.json'), 'utf8'))).toMatchObject({ file: 'team/queue.yaml' });
    const single = await check([scenario, '--baseline', baselines, '--workers', '1']);
    expect(single.code).toBe(0);
    expect(single.stdout).toContain('none changed');
  });

  it('does not search the baseline folder for scenarios, wherever it is', async () => {
    const { folder } = await withBaseline();
    const elsewhere = join(folder, 'stored');
    const update = await check([folder, '--baseline', elsewhere, '--update-baseline', '--workers', '1']);
    expect(update.code).toBe(0);
    writeFileSync(join(elsewhere, 'looks-like.yaml'), 'calendar: broken\n');
    const run = await check([folder, '--baseline', elsewhere, '--workers', '1']);
    expect(run.code).toBe(0);
  });
});

describe('staffsim check: usage errors (exit 2)', () => {
  it.each([
    [['--update-baseline'], '--update-baseline: give the folder to write to with --baseline DIR'],
    [['--require-baseline'], '--require-baseline: give the baseline folder with --baseline DIR'],
    [['--baseline', 'tests/fixtures/check/no-such-folder'], '--baseline: no folder tests/fixtures/check/no-such-folder (create the baselines with --update-baseline)'],
    [['--baseline', 'tests/fixtures/check', '--tolerance', 'lots'], '--tolerance: expected a number ≥ 0, or a percentage such as 5% (got lots)'],
    [['--tolerance', '0.1'], '--tolerance applies to baseline comparisons; give --baseline DIR'],
    [['--workers', '0'], '--workers: expected an integer ≥ 1 (got 0)'],
    [['--seed', '-1'], '--seed: expected a whole number 0 … 9007199254740991 in decimal digits (got -1)'],
    [['--json', '--junit', '-'], '--json and --junit - both write to stdout; write the JUnit report to a file'],
  ])('%j', async (flags, message) => {
    const run = await check([SMALL, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`staffsim: ${message}\nRun 'staffsim check --help' for usage.\n`);
  });

  it('needs at least one path', async () => {
    const run = await check([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("staffsim: missing <paths..>: staffsim check <paths..> [options]\nRun 'staffsim check --help' for usage.\n");
  });

  it('documents the exit codes in --help', async () => {
    const run = await check(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('staffsim check <paths..>');
    expect(run.stdout).toContain('Exit codes: 0 all checks hold · 1 an assertion or baseline failed · 2 bad input');
    expect(run.stdout).toContain('--update-baseline');
  });
});
