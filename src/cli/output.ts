import { extname } from 'node:path';
import type { Argv } from 'yargs';
import type { CsvTable } from '../export/csv.js';
import { toJson } from '../export/json.js';
import { checkWritable, writeFileAtomic } from '../export/write-file.js';
import { InputError } from '../core/errors.js';
import type { Report } from '../report/report.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { printable } from '../core/printable.js';

export const EXPORT_FORMATS = ['csv', 'json', 'md', 'xlsx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export flags shared by `run`, `compare` and `sweep`. */
export function withExportOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('format', { choices: EXPORT_FORMATS, describe: 'Export format (default: from the --out extension)' })
    .option('out', { type: 'string', describe: 'Write the export to this file (atomically) instead of stdout' })
    .option('table', {
      choices: ['summary', 'intervals', 'groups'] as const,
      default: 'summary' as const,
      describe: 'CSV: which table (groups: one row per variant and agent group)',
    });
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ExportFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.xlsx': 'xlsx',
  '.html': 'html',
  '.htm': 'html',
};

/** The export asked for by `--format` and `--out`: the format (null when neither is given) and the file (null for stdout). */
function exportChoice(args: Readonly<Record<string, unknown>>): { format: ExportFormat | null; out: string | null } {
  const out = typeof args['out'] === 'string' ? args['out'] : null;
  let format = (args['format'] as ExportFormat | undefined) ?? null;
  if (format === null && out !== null) {
    format = FORMAT_BY_EXTENSION[extname(out).toLowerCase()] ?? null;
    if (format === null) throw new UsageError(`--out: cannot tell the format from "${out}"; add --format ${EXPORT_FORMATS.join('|')}`);
  }
  if (format === 'xlsx' && out === null) throw new UsageError('--format xlsx: a spreadsheet needs a file; add --out FILE.xlsx');
  return { format, out };
}

/**
 * Checks `--format` and `--out` before any work: the format can be told, and the file can be written (so that
 * `compare --replications 200 --out /missing/x.xlsx` stops at once, not after the simulation).
 * @throws UsageError or InputError (exit 2)
 */
export function checkExportOptions(args: Readonly<Record<string, unknown>>): void {
  const { out } = exportChoice(args);
  if (out !== null) checkOutputFlag('out', out);
}

/**
 * Checks that the file a flag names can be written, before any work (see `checkWritable`); the problem names the flag.
 * @example checkOutputFlag('out', '/missing/x.xlsx') // throws "--out: /missing/x.xlsx: cannot write here (the folder does not exist)"
 */
export function checkOutputFlag(flag: string, path: string): void {
  try {
    checkWritable(path);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.issues.map((issue) => ({ ...issue, message: `--${flag}: ${issue.message}` })));
    throw error;
  }
}

/**
 * Writes the report in the asked-for format when `--format` or `--out` is given and returns true; returns false
 * when neither is, and the command prints its own table or `--json` document.
 *
 * @param jsonDocument what `--json` would print, for `--format json`
 */
export async function exportReport(
  io: CliIo,
  report: Report,
  jsonDocument: unknown,
  args: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  return writeExport(io, args, (format) => render(report, jsonDocument, format, (args['table'] as CsvTable | undefined) ?? 'summary'));
}

/**
 * Like `exportReport`, for a command with its own exporters: renders the asked-for format and writes it (to `--out`,
 * atomically, or to stdout); returns false when neither `--format` nor `--out` is given.
 */
export async function writeExport(
  io: CliIo,
  args: Readonly<Record<string, unknown>>,
  renderFormat: (format: ExportFormat) => Promise<string | Uint8Array>,
): Promise<boolean> {
  const { format, out } = exportChoice(args);
  if (format === null) return false;
  const content = await renderFormat(format);
  if (out === null) {
    io.stdout.write(content as string);
  } else {
    writeFileAtomic(out, content);
    io.stderr.write(`staffsim: wrote ${printable(out)}\n`);
  }
  return true;
}

/** Each exporter is loaded only when asked for, so the start-up of every command stays light. */
async function render(report: Report, jsonDocument: unknown, format: ExportFormat, table: CsvTable): Promise<string | Uint8Array> {
  switch (format) {
    case 'csv':
      return (await import('../export/csv.js')).reportToCsv(report, table);
    case 'json':
      return toJson(jsonDocument);
    case 'md':
      return (await import('../export/markdown.js')).reportToMarkdown(report);
    case 'html': {
      const extras = report.explain === undefined && report.sweeps === undefined ? undefined : await (await import('../export/analysis-html.js')).reportExtras(report);
      return (await import('../export/html.js')).reportToHtml(report, extras);
    }
    case 'xlsx':
      return (await import('../export/xlsx.js')).reportToXlsx(report);
  }
}
