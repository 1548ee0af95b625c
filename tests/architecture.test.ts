import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcRoot = join(import.meta.dirname, '..', 'src');

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFilesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec !== undefined) specifiers.push(spec);
  }
  return specifiers;
}

/** The layer a file belongs to: the first folder under src/ (files directly in src/ are "root"). */
function layerOf(file: string): string {
  const parts = relative(srcRoot, file).split(/[\\/]/);
  return parts.length > 1 ? (parts[0] as string) : 'root';
}

const allowedImports: Record<string, readonly string[]> = {
  core: ['core'],
  scenario: ['core', 'scenario'],
  report: ['core', 'report'],
  export: ['core', 'report', 'export'],
  runner: ['core', 'scenario', 'runner'],
  cli: ['core', 'scenario', 'report', 'export', 'runner', 'ui', 'cli'],
  ui: ['core', 'scenario', 'report', 'export', 'runner', 'ui'],
};

describe('architecture', () => {
  it('keeps src/core pure: no node:, react, ink, process, console, Date.now or Math.random', () => {
    const offenders: string[] = [];
    for (const file of sourceFilesUnder(join(srcRoot, 'core'))) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('node:') || /^(react|ink|fs|path|os|worker_threads|child_process)(\/|$)/.test(spec)) {
          offenders.push(`${relative(srcRoot, file)} imports ${spec}`);
        }
      }
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const forbidden of [/\bprocess\./, /\bconsole\./, /\bDate\.now\(/, /\bMath\.random\(/]) {
        if (forbidden.test(code)) offenders.push(`${relative(srcRoot, file)} uses ${forbidden.source}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('lets dependencies point inward only (ui, cli → report, export, scenario → core)', () => {
    const offenders: string[] = [];
    for (const file of sourceFilesUnder(srcRoot)) {
      const layer = layerOf(file);
      const allowed = allowedImports[layer];
      if (allowed === undefined) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = join(file, '..', spec);
        const targetLayer = layerOf(target);
        if (!allowed.includes(targetLayer)) offenders.push(`${relative(srcRoot, file)} (${layer}) imports ${spec} (${targetLayer})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
