import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/fake-io.js';

const twoTeams = 'tests/fixtures/sensitivity/two-teams.yaml';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-sensitivity-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface SensitivityJson {
  variants: string[];
  inputs: {
    path: string;
    label: string;
    base: number;
    low: number;
    high: number;
    difference: { atLow: number | null; atHigh: number | null };
    breakEven: number | null;
    sentence: string | null;
  }[];
}

describe('staffsim sensitivity', () => {
  it('prints the documented JSON shape, inputs sorted by swing', async () => {
    const run = await runCli(['sensitivity', twoTeams, '--range', '0.99', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as SensitivityJson;
    expect(json.variants).toEqual(['small', 'large']);
    for (const input of json.inputs) {
      expect(Object.keys(input)).toEqual(expect.arrayContaining(['path', 'label', 'base', 'low', 'high', 'difference', 'breakEven']));
      expect(Object.keys(input.difference)).toEqual(expect.arrayContaining(['atLow', 'atHigh']));
      expect(input.low).toBeLessThanOrEqual(input.high);
    }
    const price = json.inputs.find((input) => input.path === 'costs.unresolvedCase');
    expect(price?.breakEven).toBeCloseTo(126, -1);
    expect(price?.sentence).toMatch(/^small stays cheaper than large unless the cost of an unresolved case is above 12\d SEK \(scenario: 100 SEK\)\.$/);
  });

  it('prints a tornado table and the sentences', async () => {
    const run = await runCli(['sensitivity', twoTeams, '--variants', 'large,small']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('what the cost difference small − large depends on (analytic');
    expect(run.stdout).toMatch(/\ninput\s+low … high\s+scenario\s+difference at low/);
    expect(run.stdout).toContain('Not varied: price of a telephony minute');
  });

  it('refuses a bad --variants or --range (exit 2)', async () => {
    expect((await runCli(['sensitivity', twoTeams, '--variants', 'small'])).stderr).toContain('--variants: expected two different variant names');
    expect((await runCli(['sensitivity', twoTeams, '--variants', 'small,nope'])).stderr).toContain('no variant named "nope"');
    expect((await runCli(['sensitivity', twoTeams, '--range', '1.5'])).code).toBe(2);
    expect((await runCli(['sensitivity', twoTeams, '--replications', '5'])).stderr).toContain('go with --simulate');
  });

  it('writes the tornado as an offline HTML page and a Sensitivity sheet', async () => {
    const html = join(folder, 'tornado.html');
    expect((await runCli(['sensitivity', twoTeams, '--out', html])).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<figure id="chart-tornado">');
    expect(page).toContain('<svg id="svg-tornado"');
    expect(page).not.toMatch(/https?:\/\/|xlink:|<script|url\(/i);
    const xlsx = join(folder, 'tornado.xlsx');
    expect((await runCli(['sensitivity', twoTeams, '--out', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Sensitivity');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Input');
    expect(typeof sheet?.getRow(2).getCell(5).value).toBe('number');
  });

  it('simulates every point with common random numbers and checks each break-even', async () => {
    const run = await runCli(['sensitivity', 'tests/fixtures/sensitivity/with-assumptions.yaml', '--simulate', '--replications', '3', '--workers', '1', '--seed', '5', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      source: string;
      inputs: { path: string; breakEven: number | null; breakEvenChecks?: { value: number; difference: number; ci95: number }[]; difference: { ci95?: unknown } }[];
    };
    expect(json.source).toBe('simulation');
    const price = json.inputs.find((input) => input.path === 'costs.unresolvedCase');
    expect(price?.difference.ci95).toBeDefined();
    expect(price?.breakEvenChecks?.length).toBe(price?.breakEven === null ? 0 : 1);
  });
});

describe('the assumptions: section', () => {
  it('reports a path that names no number with its line and column, and a suggestion', async () => {
    const scenario = join(folder, 'bad-assumptions.yaml');
    const text = readFileSync('tests/fixtures/sensitivity/with-assumptions.yaml', 'utf8').replace('costs.unresolvedCase:', 'costs.unresolvedCas:');
    (await import('node:fs')).writeFileSync(scenario, text);
    const run = await runCli(['sensitivity', scenario]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-assumptions\.yaml:\d+:3: assumptions\["costs\.unresolvedCas"\]: no value at costs\.unresolvedCas in any variant \(did you mean costs\.unresolvedCase\?\)/);
  });
});

describe('staffsim compare --explain', () => {
  it('adds explain: [ { variant, parts: [ { path, contribution } ], total } ] whose parts sum to the total', async () => {
    const run = await runCli(['compare', twoTeams, '--analytic', '--explain', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { explain: { variant: string; parts: { path: string; contribution: number }[]; total: number }[] };
    expect(json.explain).toHaveLength(1);
    const [explanation] = json.explain;
    expect(explanation?.variant).toBe('large');
    expect(explanation?.parts.map((part) => part.path)).toEqual(['handling.firstContactResolution', 'staffing']);
    expect(explanation?.parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(explanation?.total ?? Number.NaN, 6);
    const text = await runCli(['compare', twoTeams, '--analytic', '--explain']);
    expect(text.stdout).toContain('What drives each difference');
    expect(text.stdout).toMatch(/large − small: \+[\d,]+ SEK analytic/);
  });

  it('draws the waterfall in the HTML export', async () => {
    const html = join(folder, 'explain.html');
    expect((await runCli(['compare', twoTeams, '--analytic', '--explain', '--out', html])).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<figure id="chart-explain-1">');
    expect(page).toContain('<section id="explain">');
    expect(page).not.toMatch(/https?:\/\/|xlink:|<script|url\(/i);
  });
});

describe('staffsim sweep --all-variants', () => {
  it('gives every variant’s curve over the same values and where they cross', async () => {
    const run = await runCli(['sweep', twoTeams, '--all-variants', '--set', 'costs.unresolvedCase=0:300:50', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      variants: string[];
      curves: { variant: string; points: { value: number; totals: Record<string, { mean: number }> }[] }[];
      crossings: { variants: string[]; value: number; cheaperAbove: string | null }[];
      cheapest: { variant: string; value: number };
      notSignificantlyDearer: null;
    };
    expect(json.variants).toEqual(['small', 'large']);
    expect(json.curves.map((curve) => curve.points.length)).toEqual([7, 7]);
    expect(json.crossings).toHaveLength(1);
    expect(json.crossings[0]).toMatchObject({ variants: ['small', 'large'], cheaperAbove: 'large' });
    expect(json.crossings[0]?.value).toBeGreaterThan(100);
    expect(json.crossings[0]?.value).toBeLessThan(150);
    expect(json.notSignificantlyDearer).toBeNull();
  });

  it('marks the simulated points not significantly dearer than the cheapest, never one winner by noise', async () => {
    const run = await runCli(['sweep', twoTeams, '--all-variants', '--set', 'costs.unresolvedCase=100:150:50', '--simulate', '--replications', '4', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { cheapest: { variant: string; value: number }; notSignificantlyDearer: { variant: string; value: number; difference: number; ci95: number }[] };
    expect(json.notSignificantlyDearer.length).toBeGreaterThanOrEqual(1);
    expect(json.notSignificantlyDearer).toContainEqual(expect.objectContaining({ variant: json.cheapest.variant, value: json.cheapest.value, difference: 0 }));
    for (const point of json.notSignificantlyDearer) expect(point.difference - point.ci95).toBeLessThanOrEqual(0);
  });

  it('refuses --all-variants with --variant', async () => {
    expect((await runCli(['sweep', twoTeams, '--all-variants', '--variant', 'small', '--set', 'costs.unresolvedCase=0:100:50'])).code).toBe(2);
  });
});
