/**
 * A fresh clone has everything its tests and scenarios use: no test is skipped for want of a file, no test points
 * outside the repository (the benchmarks' reference loop in ../shared/bench excepted: tests/bench), the bank data
 * set is here byte for byte with its source and licence, and every source a scenario cites is in docs/sources.md.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const self = relative(root, import.meta.filename);

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|ya?ml|json|md|csv)$/.test(entry.name) && statSync(join(root, path)).size < 2_000_000 ? [path] : [];
  });
}

/** Lines of `files` that match `pattern`, as "file:line: text". */
function linesMatching(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, index) => (pattern.test(text) ? [`${file}:${index + 1}: ${text.trim()}`] : [])),
  );
}

// tests/bench is left out: it times the reference loop of ../shared/bench, the one path outside allowed.
const testFiles = filesUnder('tests').filter((file) => !file.startsWith(join('tests', 'bench')) && file !== self);
const checked = [...testFiles, 'vitest.config.ts', 'package.json', ...filesUnder('scenarios')];

describe('a fresh clone', () => {
  it('skips no test and runs no subset', () => {
    expect(linesMatching(testFiles, /\b(it|test|describe)\.(skip|skipIf|runIf|only|todo)\b/)).toEqual([]);
  });

  it('runs every test in CI: the quick tests with npm test, the long ones with npm run test:long, .ci/run both', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test']).toBe('npm run build && node scripts/test.mjs');
    expect(readFileSync(join(root, 'scripts', 'test.mjs'), 'utf8')).toContain("['run', '--project', 'quick', ...process.argv.slice(2)]");
    expect(scripts['test:long']).toMatch(/vitest run --project long$/);
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm test\b/m);
    expect(ci).toMatch(/^npm run test:long\b/m);
  });

  it('has no test or scenario that reads a file outside the repository', () => {
    expect(linesMatching(checked, /\.\.\/shared\/(?!bench\b)|\/work\/|\/home\/|\/root\//)).toEqual([]);
  });

  it('carries the bank call counts byte for byte, with their source and licence beside them', () => {
    const data = readFileSync(join(root, 'data', 'bank-calls', 'bank_calls_fpp3.csv'));
    const sha256 = createHash('sha256').update(data).digest('hex');
    expect(sha256).toBe('6e430180c3fa8a284e38b8367e9a7d6dae4921ca1b184cbaba7aae9b07a8f9a5');
    const readme = readFileSync(join(root, 'data', 'bank-calls', 'README.md'), 'utf8');
    expect(readme).toContain(sha256);
    expect(readme).toMatch(/GPL-3/);
    expect(readme).toMatch(/CRAN\.R-project\.org\/package=fpp3/);
    expect(readme).toMatch(/Weinberg, Brown & Stroud \(2007\)/);
  });

  it('cites in the scenarios only sources the repository has: docs/sources.md sections that exist', () => {
    const scenarios = filesUnder('scenarios').filter((file) => /\.ya?ml$/.test(file));
    expect(linesMatching(scenarios, /PARAMETERS|REFERENCES/)).toEqual([]);
    const sources = readFileSync(join(root, 'docs', 'sources.md'), 'utf8');
    const headings = new Set([...sources.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((match) => match[1]));
    const cited = scenarios.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/docs\/sources\.md §(\d+(?:\.\d+)?)/g)].map((match) => ({ file, section: match[1] })),
    );
    expect(cited.length).toBeGreaterThan(3);
    expect(cited.filter(({ section }) => !headings.has(section))).toEqual([]);
  });

  it('ships the scenarios of the README planning and budget walk-throughs as files, checked by `npm test` against baselines', () => {
    for (const name of ['bank-plan', 'bank-with-shifts', 'municipal-year']) {
      expect(statSync(join(root, 'scenarios', 'examples', `${name}.yaml`)).isFile()).toBe(true);
      expect(statSync(join(root, 'scenarios', 'baselines', 'examples', `${name}.json`)).isFile()).toBe(true);
    }
  });
});
