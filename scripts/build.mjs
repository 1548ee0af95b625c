/**
 * `npm run build`: bundles the command line and each worker thread's entry point into dist/ with esbuild.
 *
 *   node scripts/build.mjs [--outdir DIR]
 *
 * Why a bundle: a command should load only what it runs. From dist/cli/main.js each command is a chunk loaded by a
 * dynamic import when that command runs (src/cli/commands/catalogue.ts), so `staffsim --version` parses yargs and
 * nothing else, and zod, yaml and the scenario schema are loaded only by the commands that read a scenario. Node
 * resolves and reads one file per chunk instead of hundreds of files under node_modules. Each worker entry point
 * (src/runner/*-worker.ts, src/export/calls-worker.ts) is its own bundle of the engine it needs: a replication worker
 * loads the simulation engine and nothing of the command line.
 *
 * Layout: dist/<folder>/<name>.js for the entry points (dist/cli/main.js, dist/runner/replication-worker.js, …) and
 * dist/chunks/*.js for the shared chunks, so every output file sits exactly one folder below dist/. Code that finds a
 * file relative to its own module (`new URL('../../package.json', import.meta.url)`, the shipped scenarios, the
 * workers in src/runner/worker-file.ts) relies on that depth, which is the same as in src/; the build checks it.
 *
 * TypeScript is only type-checked (`npm run typecheck`); esbuild strips the types without checking them.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The command line and every module that is started as a worker thread. */
export const ENTRY_POINTS = [
  'src/cli/main.ts',
  'src/runner/replication-worker.ts',
  'src/runner/shift-solver-worker.ts',
  'src/runner/sensitivity-worker.ts',
  'src/export/calls-worker.ts',
];

/**
 * Left out of the bundle, loaded from node_modules at run time, because they cannot be bundled:
 * - highs finds its WebAssembly file (highs.wasm) next to its own script, through `__dirname`;
 * - piscina starts each thread on its own worker script (`resolve(__dirname, 'worker.js')`);
 * - react-devtools-core is imported by Ink only under DEV=true, and is not installed.
 */
export const EXTERNAL = ['highs', 'piscina', 'react-devtools-core'];

/** Packages a worker must never load: the command line, the scenario reader and the terminal UI. */
const NOT_IN_WORKERS = ['yargs', 'zod', 'yaml', 'ink', 'react', 'write-excel-file'];

/** The scenario reader is allowed in the explorer's sensitivity thread, which rebuilds edited scenarios (one thread per analysis). */
const SCENARIO_READER = ['zod', 'yaml'];
const READS_SCENARIOS = ['runner/sensitivity-worker.js'];

/**
 * Builds into `outdir` (emptied first) and returns esbuild's metafile.
 *
 * @param {{ outdir?: string, entryPoints?: string[] }} [options] outdir relative to the repository or absolute
 */
export async function build(options = {}) {
  const outdir = resolve(root, options.outdir ?? 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const stringWidth = lazyStringWidth();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: options.entryPoints ?? ENTRY_POINTS,
    outdir,
    outbase: 'src',
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    // The bundled CommonJS packages (yargs' helpers, signal-exit …) call require() for Node's built-in modules.
    banner: { js: "import { createRequire as __staffsimCreateRequire } from 'node:module';\nconst require = __staffsimCreateRequire(import.meta.url);" },
    // React and Ink ship their development builds beside the production ones; bin/staffsim.js runs production anyway.
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    // Whitespace and syntax only: names stay readable in stack traces (--debug), and the source maps lead to src/.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [stringWidth.plugin],
  });
  await stringWidth.buildLoaded(outdir);
  checkLayout(result.metafile, outdir);
  checkWorkers(result.metafile, outdir);
  return result.metafile;
}

/**
 * string-width, loaded on its first call. yargs, its layout library cliui and Ink measure text with it, but a command
 * that prints no help and opens no explorer never calls it — and merely compiling it costs more CPU than the rest of
 * yargs: V8 checks every regular expression literal when it parses a file, and string-width's \p{RGI_Emoji} set is
 * expensive to build (besides an Intl.Segmenter made at load). So `import stringWidth from 'string-width'` gets a stub
 * that, on the first call, `require()`s the real package, bundled on its own as dist/chunks/string-width-<version>.cjs
 * (one per version: Ink uses string-width 8, the help text 7).
 */
/**
 * Text that string-width measures as one column per UTF-16 code unit: printable ASCII, Latin-1 and Latin Extended
 * letters, general punctuation (dashes, quotes, bullets, ‰) and mathematical operators (−, ≈, ≤) — no control or
 * zero-width character, no combining mark, nothing wide and no emoji (©, ®, ‼ and ⁉ are left out). The string-width
 * stand-in of the build answers such text itself, so that a command whose output holds nothing else never loads the
 * module and its Unicode tables (tests/scripts/build.test.ts checks every character against string-width).
 */
export const NARROW_TEXT = /^[\x20-\x7E\xA0-\xA8\xAA-\xAC\xAF-\u02FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2200-\u22FF]*$/;

function lazyStringWidth() {
  /** The real module's path → the name of its CommonJS bundle in dist/chunks. */
  const loaded = new Map();
  const plugin = {
    name: 'lazy-string-width',
    setup(builder) {
      builder.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.pluginData?.real === true) return undefined;
        // yargs measures its help text with string-width 8, its layout library cliui with 7: both would load for help.
        // yargs gets cliui's, so that one loads; for the characters of a help text the two agree.
        const fromYargs = /[\\/]node_modules[\\/]yargs[\\/]/.test(args.importer);
        const resolveDir = fromYargs ? join(root, 'node_modules', 'cliui') : args.resolveDir;
        const real = await builder.resolve(args.path, { kind: args.kind, resolveDir, pluginData: { real: true } });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: real.path, namespace: 'lazy-string-width' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => {
        const { version } = JSON.parse(readFileSync(join(dirname(args.path), 'package.json'), 'utf8'));
        const file = `string-width-${version}.cjs`;
        loaded.set(args.path, file);
        return {
          loader: 'js',
          resolveDir: root,
          contents: [
            "import { createRequire } from 'node:module';",
            'let measure;',
            `const NARROW = ${NARROW_TEXT};`,
            'export default function stringWidth(text, options) {',
            // Text of one-column characters only (a plan's notes, a table's numbers) is measured without the module.
            "  if (typeof text === 'string' && options?.ambiguousIsNarrow !== false && NARROW.test(text)) return text.length;",
            // Every file of the build sits one folder below dist/ (see the header), so this path holds from any chunk.
            `  measure ??= createRequire(import.meta.url)('../chunks/${file}').default;`,
            '  return measure(text, options);',
            '}',
          ].join('\n'),
        };
      });
    },
  };
  const buildLoaded = async (outdir) => {
    for (const [path, file] of loaded) {
      await esbuild.build({ entryPoints: [path], outfile: join(outdir, 'chunks', file), bundle: true, format: 'cjs', platform: 'node', target: 'node20.19', minifyWhitespace: true, minifySyntax: true, legalComments: 'inline', logLevel: 'warning' });
    }
  };
  return { plugin, buildLoaded };
}

/** Every output file sits exactly one folder below outdir (see the header). */
function checkLayout(metafile, outdir) {
  for (const output of Object.keys(metafile.outputs)) {
    const parts = relative(outdir, join(root, output)).split(sep);
    if (parts.length !== 2) throw new Error(`build: ${output} is not one folder below ${outdir}; modules that find files next to themselves would break`);
  }
}

/** The worker entry points load none of NOT_IN_WORKERS, however deep their static imports go. */
function checkWorkers(metafile, outdir) {
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (info.entryPoint === undefined || !info.entryPoint.includes('-worker.')) continue;
    const seen = new Set();
    const queue = [output];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      const node = metafile.outputs[file];
      for (const input of Object.keys(node?.inputs ?? {})) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
        const allowed = READS_SCENARIOS.some((entry) => output.endsWith(entry)) && SCENARIO_READER.includes(name ?? '');
        if (name !== undefined && NOT_IN_WORKERS.includes(name) && !allowed) {
          throw new Error(`build: the worker ${relative(outdir, join(root, output))} would load ${name} (through ${input})`);
        }
      }
      for (const imported of node?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
    }
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  await build(values.outdir === undefined ? {} : { outdir: values.outdir });
}
