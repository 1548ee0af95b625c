/**
 * The build (scripts/build.mjs, `npm run build`): what each entry point loads before it runs anything, read from
 * esbuild's metafile — the command line's start-up loads no command and no scenario reader, and a worker loads the
 * engine and nothing of the command line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

const root = join(import.meta.dirname, '..', '..');
const outdir = mkdtempSync(join(root, '.staffsim-tmp-build-'));
let metafile: Metafile;

beforeAll(async () => {
  const { build } = (await import(join(root, 'scripts', 'build.mjs'))) as { build: (options: { outdir: string }) => Promise<Metafile> };
  metafile = await build({ outdir });
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function outputOf(entryPoint: string): string {
  const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint);
  if (found === undefined) throw new Error(`no output for ${entryPoint}`);
  return found[0];
}

/** Every source file (repository-relative) that is evaluated when `output` is loaded: its static imports, transitively. */
function loadedSources(output: string): string[] {
  const seen = new Set<string>();
  const sources = new Set<string>();
  const queue = [output];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const node = metafile.outputs[file];
    for (const input of Object.keys(node?.inputs ?? {})) sources.add(input);
    for (const imported of node?.imports ?? []) if (imported.kind === 'import-statement' && imported.external !== true) queue.push(imported.path);
  }
  return [...sources];
}

const packageOf = (source: string): string | null => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? null;

describe('the build', () => {
  it('starts the command line without loading any command, the scenario reader, the explorer or the worker pool', () => {
    const sources = loadedSources(outputOf('src/cli/main.ts'));
    expect(sources.filter((s) => s.startsWith('src/cli/commands/') && !s.endsWith('catalogue.ts'))).toEqual([]);
    expect(sources.filter((s) => s.startsWith('src/scenario/') || s.startsWith('src/ui/') || s.startsWith('src/core/sim/'))).toEqual([]);
    const packages = new Set(sources.map(packageOf));
    for (const name of ['zod', 'yaml', 'ink', 'react', 'piscina', 'write-excel-file', 'highs']) expect(packages.has(name)).toBe(false);
    expect(packages.has('yargs')).toBe(true);
  });

  it('loads each command, with its modules, only through a dynamic import', () => {
    const main = metafile.outputs[outputOf('src/cli/main.ts')];
    const dynamic = (main?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    for (const command of ['erlang', 'plan', 'run', 'compare', 'sweep', 'schema', 'import', 'check', 'explore']) {
      expect(dynamic.some((path) => loadedSources(path).includes(`src/cli/commands/${command}.ts`))).toBe(true);
    }
  });

  it('gives every worker thread a bundle of the engine alone', () => {
    for (const worker of ['src/runner/replication-worker.ts', 'src/export/calls-worker.ts', 'src/runner/shift-solver-worker.ts']) {
      const sources = loadedSources(outputOf(worker));
      expect(sources.filter((s) => s.startsWith('src/cli/') || s.startsWith('src/scenario/') || s.startsWith('src/ui/'))).toEqual([]);
      const packages = new Set(sources.map(packageOf));
      for (const name of ['yargs', 'zod', 'yaml', 'ink', 'react', 'piscina']) expect(packages.has(name)).toBe(false);
    }
    expect(loadedSources(outputOf('src/runner/replication-worker.ts'))).toContain('src/core/sim/run-replication.ts');
  });

  it('gives the explorer’s sensitivity thread the scenario reader, but nothing of the command line or the explorer', () => {
    const sources = loadedSources(outputOf('src/runner/sensitivity-worker.ts'));
    expect(sources).toContain('src/scenario/sensitivity-inputs.ts');
    expect(sources).toContain('src/runner/explain.ts');
    expect(sources.filter((s) => s.startsWith('src/cli/') || s.startsWith('src/ui/'))).toEqual([]);
    const packages = new Set(sources.map(packageOf));
    for (const name of ['yargs', 'ink', 'react', 'piscina', 'write-excel-file']) expect(packages.has(name)).toBe(false);
  });

  it('puts every file one folder below dist/, as the sources sit one folder below src/', () => {
    for (const output of Object.keys(metafile.outputs)) expect(output.slice(output.indexOf('.staffsim-tmp-build-')).split('/')).toHaveLength(3);
  });

  it('measures text of one-column characters without string-width, and as string-width does', async () => {
    const { NARROW_TEXT } = (await import(join(root, 'scripts', 'build.mjs'))) as { NARROW_TEXT: RegExp };
    const versions = ['node_modules/string-width', 'node_modules/wrap-ansi/node_modules/string-width'];
    for (const version of versions) {
      const { default: stringWidth } = (await import(join(root, version, 'index.js'))) as { default: (text: string) => number };
      const wrong: string[] = [];
      let narrow = 0;
      for (let code = 0; code <= 0xffff; code++) {
        const character = String.fromCharCode(code);
        if (!NARROW_TEXT.test(character)) continue;
        narrow += 1;
        if (stringWidth(character) !== 1) wrong.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
      }
      expect(wrong, version).toEqual([]);
      expect(narrow).toBeGreaterThan(500);
    }
    expect(NARROW_TEXT.test('total cost 106,644 SEK · FTE 12.3 ± 0.4 (≈ 1,650 h − 2%)')).toBe(true);
    expect(NARROW_TEXT.test('wide 表 text')).toBe(false);
    expect(NARROW_TEXT.test('\u001b[1mbold\u001b[22m')).toBe(false);
  });
});
