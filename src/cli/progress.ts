import type { OutputStream } from './io.js';
import { printable } from '../core/printable.js';

/** A one-line progress bar on a terminal stream; silent on anything else (pipes, files, CI logs). */
export interface Progress {
  /** `done` of `total` (`done` may be fractional: a replication under way). */
  update(done: number, total: number): void;
  /** Erases the line. Safe to call more than once. */
  done(): void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };

/** Redraws at most this often, except for the last step. */
const REDRAW_MS = 80;

/**
 * A progress bar that draws only when `stream` is a terminal and `enabled` is true. It says something at once (the
 * label), redraws in place with `\r` (at most every 80 ms), fits the terminal's width so that it never wraps, and
 * `done()` erases it with spaces (no escape codes, so it works with TERM=dumb too), leaving the line clean for what
 * comes next (a result, or an error).
 */
export function progressBar(stream: OutputStream, label: string, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return SILENT;
  label = printable(label);
  const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
  let shown = fit(`${label} …`, columns);
  let lastDraw = -Infinity;
  let finished = false;
  stream.write(shown);
  return {
    update(done, total) {
      if (finished) return;
      const now = performance.now();
      if (done < total && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const count = ` ${Math.floor(done)}/${total}`;
      const width = Math.max(0, Math.min(30, columns - 1 - label.length - count.length - 3));
      const filled = Math.round(fraction * width);
      const line = fit(`${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${count}`, columns);
      stream.write(`\r${line}${' '.repeat(Math.max(0, shown.length - line.length))}`);
      shown = line;
    },
    done() {
      if (finished) return;
      finished = true;
      stream.write(`\r${' '.repeat(shown.length)}\r`);
    },
  };
}

/** Cuts a line to fit a terminal `columns` wide (one column spare, so the cursor never wraps). */
function fit(line: string, columns: number): string {
  return line.length < columns ? line : line.slice(0, Math.max(0, columns - 2));
}
