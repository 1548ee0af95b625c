import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { runReplication, type AttemptRecord, type ReplicationResult } from '../core/sim/run-replication.js';
import type { SimulationInput } from '../core/sim/simulation-input.js';

/**
 * Header of the per-attempt CSV (`staffsim run --calls`), units in the names: 9 fields. The replication is 0-based
 * (the substream index); the case id is 1-based within its replication and the same for every attempt of a case.
 * Within a replication, rows come in the order the outcomes became known (answered or abandoned), not by arrival.
 */
export const CALLS_CSV_HEADER = 'variant,replication,case id,attempt,kind,arrival (s),wait (s),outcome,handle time (s)\r\n';

/**
 * The header for a scenario with agent groups (SPEC §7): a `group` column after the kind, whose values then include
 * transfer, callback and task.
 */
export const CALLS_CSV_HEADER_WITH_GROUPS = 'variant,replication,case id,attempt,kind,group,arrival (s),wait (s),outcome,handle time (s)\r\n';

/**
 * The variant field and its comma, quoted per RFC 4180 when needed; computed once per variant, put before every row.
 * @example callsCsvPrefix('world-class') // 'world-class,'
 * @example callsCsvPrefix('a, "b"') // '"a, ""b""",'
 */
export function callsCsvPrefix(variant: string): string {
  return `${csvField(variant)},`;
}

/**
 * The last 8 fields of one row (RFC 4180, CRLF) for one attempt. Times are seconds from midnight of day 1, with
 * millisecond precision.
 * @example callsCsvRow({ replication: 0, caseId: 7, attempt: 2, kind: 'redial', arrivalSeconds: 30612.25,
 *   waitSeconds: 4.5, outcome: 'answered', handleSeconds: 181 }) // '0,7,2,redial,30612.25,4.5,answered,181\r\n'
 */
export function callsCsvRow(record: AttemptRecord, withGroup = false): string {
  const group = withGroup ? `${csvField(record.group)},` : '';
  return `${record.replication},${record.caseId},${record.attempt},${record.kind},${group}${round3(record.arrivalSeconds)},${round3(record.waitSeconds)},${record.outcome},${round3(record.handleSeconds)}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Runs every replication of every variant, one after another, writing the whole CSV (header, then one row per attempt
 * as the engine emits it) through `write`, and hands each replication's metrics to `onReplication`. Nothing is kept
 * per attempt: rows go to `write` as they are made.
 *
 * The engine emits an attempt once its outcome is known, for every attempt it simulates — warm-up attempts included,
 * although the metrics leave them out — so the rows of a replication are its `attempts` plus those of the warm-up.
 */
export function writeCallsCsv(
  inputs: readonly SimulationInput[],
  write: (text: string) => void,
  onReplication: (variant: number, replication: number, result: ReplicationResult) => void,
  onProgress?: (variant: number, replicationsDone: number) => void,
): void {
  const withGroups = inputs.some((input) => input.model.network !== undefined);
  write(withGroups ? CALLS_CSV_HEADER_WITH_GROUPS : CALLS_CSV_HEADER);
  inputs.forEach((input, variant) => {
    const prefix = callsCsvPrefix(input.model.variantName);
    const onAttempt = (record: AttemptRecord): void => write(prefix + callsCsvRow(record, withGroups));
    for (let r = 0; r < input.model.simulation.replications; r++) {
      const progress = onProgress === undefined ? undefined : (fraction: number): void => onProgress(variant, r + fraction);
      onReplication(variant, r, runReplication(input, r, { onAttempt, ...(progress === undefined ? {} : { onProgress: progress }) }));
    }
  });
}

/** What the main thread gives the `--calls` worker. */
export interface CallsWorkerData {
  readonly inputs: readonly SimulationInput[];
  /** Descriptor of the (temporary) output file, open for writing in this process. */
  readonly fd: number;
}

/** What the `--calls` worker posts back, in this order: progress and replications, then `done` once all is written. */
export type CallsWorkerMessage =
  | { readonly kind: 'progress'; readonly variant: number; readonly done: number }
  | { readonly kind: 'replication'; readonly variant: number; readonly replication: number; readonly result: ReplicationResult }
  | { readonly kind: 'done' };

const WORKER_FLUSH_CHARACTERS = 1 << 16;
/** Progress messages per replication at most (the engine reports at every interval boundary). */
const PROGRESS_STEPS = 100;

/**
 * The body of the `--calls` worker thread (`staffsim run --calls`): `writeCallsCsv` into the descriptor of
 * `workerData`, in blocks of about 64 K characters, posting CallsWorkerMessages to the parent. An exception ends the
 * thread with an 'error' event in the parent. The parent commits or removes the file; this thread only writes.
 */
export function callsWorkerMain(): void {
  const port = parentPort;
  if (port === null) throw new Error('callsWorkerMain must run in a worker thread');
  const { inputs, fd } = workerData as CallsWorkerData;
  let buffer = '';
  const flush = (): void => {
    if (buffer.length === 0) return;
    const bytes = Buffer.from(buffer, 'utf8');
    buffer = '';
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  };
  let lastStep = -1;
  writeCallsCsv(
    inputs,
    (text) => {
      buffer += text;
      if (buffer.length >= WORKER_FLUSH_CHARACTERS) flush();
    },
    (variant, replication, result) => {
      const message: CallsWorkerMessage = { kind: 'replication', variant, replication, result };
      port.postMessage(message);
      lastStep = -1;
    },
    (variant, done) => {
      const step = Math.floor((done % 1) * PROGRESS_STEPS);
      if (step === lastStep) return;
      lastStep = step;
      const message: CallsWorkerMessage = { kind: 'progress', variant, done };
      port.postMessage(message);
    },
  );
  flush();
  const message: CallsWorkerMessage = { kind: 'done' };
  port.postMessage(message);
}
