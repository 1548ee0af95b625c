import type { OutputStream } from './io.js';

/** A one-line progress bar on a terminal stream; silent on anything else (pipes, files, CI logs). */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

/** A progress bar that draws only when `stream` is a terminal and `enabled` is true. */
export function progressBar(stream: OutputStream, label: string, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return { update: () => undefined, done: () => undefined };
  const width = 30;
  let drawn = false;
  stream.write(`${label} …`);
  return {
    update(done, total) {
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    done() {
      stream.write(drawn ? '\r\x1b[2K' : '\n');
    },
  };
}
