import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The staffsim binary for end-to-end tests: the repository's own when its build is newer than every source file,
 * else a fresh build in a temporary folder (removed by the returned `cleanUp`), so a stale dist/ is never tested.
 */
export function builtBinary(): { bin: string; cleanUp: () => void } {
  if (existsSync(join(root, 'dist', 'cli', 'main.js')) && statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs >= newestModification(join(root, 'src'))) {
    return { bin: join(root, 'bin', 'staffsim.js'), cleanUp: () => undefined };
  }
  const folder = mkdtempSync(join(tmpdir(), 'staffsim-e2e-build-'));
  mkdirSync(join(folder, 'bin'));
  cpSync(join(root, 'bin', 'staffsim.js'), join(folder, 'bin', 'staffsim.js'));
  cpSync(join(root, 'package.json'), join(folder, 'package.json'));
  cpSync(join(root, 'scenarios'), join(folder, 'scenarios'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  // The build of `npm run build` (esbuild does not type-check, so files being edited elsewhere do not stop it).
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', join(folder, 'dist')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(join(folder, 'dist', 'cli', 'main.js'))) throw new Error(`could not build staffsim for the end-to-end tests:\n${build.stderr}`);
  return { bin: join(folder, 'bin', 'staffsim.js'), cleanUp: () => rmSync(folder, { recursive: true, force: true }) };
}
