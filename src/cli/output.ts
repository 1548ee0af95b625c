import { extname } from 'node:path';
import type { Argv } from 'yargs';
import type { CsvTable } from '../export/csv.js';
import { toJson } from '../export/json.js';
import { writeFileAtomic } from '../export/write-file.js';
import type { Report } from '../report/report.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

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
  const out = typeof args['out'] === 'string' ? args['out'] : null;
  let format = (args['format'] as ExportFormat | undefined) ?? null;
  if (format === null && out !== null) {
    format = FORMAT_BY_EXTENSION[extname(out).toLowerCase()] ?? null;
    if (format === null) throw new UsageError(`--out: cannot tell the format from "${out}"; add --format ${EXPORT_FORMATS.join('|')}`);
  }
  if (format === null) return false;
  if (format === 'xlsx' && out === null) throw new UsageError('--format xlsx: a spreadsheet needs a file; add --out FILE.xlsx');
  const content = await render(report, jsonDocument, format, (args['table'] as CsvTable | undefined) ?? 'summary');
  if (out === null) {
    io.stdout.write(content as string);
  } else {
    writeFileAtomic(out, content);
    io.stderr.write(`staffsim: wrote ${out}\n`);
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
    case 'html':
      return (await import('../export/html.js')).reportToHtml(report);
    case 'xlsx':
      return (await import('../export/xlsx.js')).reportToXlsx(report);
  }
}
