import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_METRIC_NAMES } from '../../../src/core/metrics.js';
import { replicationThreadsStarted } from '../../../src/runner/worker-pool.js';
import { runCli } from '../../helpers/fake-io.js';

const municipal = 'scenarios/municipal-contact-centre.yaml';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-compare-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface CompareJson {
  scenario: string;
  variants: { scenario: string; name: string; source: string; replications: number | null; seed: number | null; totals: Record<string, { mean: number; ci95: number }> }[];
  differences: { variant: string; metric: string; absolute: number; relative: number | null; significant: boolean | null }[];
}

describe('staffsim compare', () => {
  it('simulates every variant with common settings and reports every metric, with differences against the first', async () => {
    const run = await runCli(['compare', municipal, '--replications', '4', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as CompareJson;
    expect(json.variants.map((v) => v.name)).toEqual(['switchboard', 'mediocre', 'world-class']);
    for (const variant of json.variants) {
      expect(variant).toMatchObject({ source: 'simulation', replications: 4, seed: 20261127 });
      expect(Object.keys(variant.totals)).toEqual([...ALL_METRIC_NAMES]); // the default scenario has agent groups
    }
    expect(json.differences.filter((d) => !d.metric.startsWith('groups.'))).toHaveLength(2 * ALL_METRIC_NAMES.length);
    const totalCost = json.differences.find((d) => d.variant === 'world-class' && d.metric === 'totalCost');
    const [first, , third] = json.variants;
    expect(totalCost?.absolute).toBeCloseTo((third?.totals['totalCost']?.mean ?? 0) - (first?.totals['totalCost']?.mean ?? 0), 6);
    // World-class resolves far more at first contact: fewer attempts per case, significantly.
    const attempts = json.differences.find((d) => d.variant === 'world-class' && d.metric === 'attemptsPerCase');
    expect(attempts?.absolute).toBeLessThan(0);
    expect(attempts?.significant).toBe(true);
    // Common random numbers: the first contacts are the same draws in every variant.
    expect(json.variants[1]?.totals['cases']?.mean).toBe(first?.totals['cases']?.mean);
  });

  it('shows all three variants with costs side by side, analytically when asked', async () => {
    const run = await runCli(['compare', municipal, '--analytic']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Comparison: Municipal contact centre — analytic/);
    for (const label of ['service level', 'attempts per case', 'contacts per resolved case', 'cases resolved', 'paid agent hours', 'staff cost', 'unresolved case cost', 'total cost', 'cost per resolved case']) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).toMatch(/switchboard\s+mediocre\s+world-class/);
  });

  it('compares variants of several scenarios (here in SEK and USD, with --exchange)', async () => {
    const run = await runCli(['compare', 'scenarios/textbook-erlang-c.yaml', 'scenarios/bank-call-centre.yaml', '--analytic', '--json', '--exchange', 'SEK=1,USD=10.5']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as CompareJson;
    expect(json.variants.map((v) => `${v.scenario}/${v.name}`)).toEqual(['Textbook Erlang C/base', 'Bank call centre/observed', 'Bank call centre/target-80-20']);
    expect(json.differences.every((d) => d.significant === null)).toBe(true);
  });

  it.each(['xlsx', 'html', 'csv', 'md', 'json'])('exports the comparison as %s to a file atomically', async (format) => {
    const out = join(folder, `comparison.${format}`);
    const run = await runCli(['compare', municipal, '--analytic', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(readdirSync(folder).filter((name) => name.includes('staffsim-tmp'))).toEqual([]);
    expect(readdirSync(folder)).toContain(`comparison.${format}`);
  });

  it('refuses a spreadsheet on stdout and an unknown extension', async () => {
    expect((await runCli(['compare', municipal, '--analytic', '--format', 'xlsx'])).code).toBe(2);
    const unknown = await runCli(['compare', municipal, '--analytic', '--out', join(folder, 'x.docx')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the format');
  });

  it('starts its worker threads once for all variants (3 variants × 20 replications on 2 workers)', async () => {
    // Replication threads only. One pool starts its two threads once (under load piscina has been seen to start a
    // third); a pool per variant would start six.
    const before = replicationThreadsStarted();
    const run = await runCli(['compare', municipal, '--workers', '2', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as CompareJson).variants.map((v) => v.replications)).toEqual([20, 20, 20]);
    const started = replicationThreadsStarted() - before;
    expect(started).toBeGreaterThanOrEqual(2);
    expect(started).toBeLessThan(2 * 3);
  });
});
