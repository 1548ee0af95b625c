import type { AttemptRecord } from '../core/sim/run-replication.js';

/** Header of the per-attempt CSV (`staffsim run --calls`), units in the names. */
export const CALLS_CSV_HEADER = 'replication,case id,attempt,kind,arrival (s),wait (s),outcome,handle time (s)\r\n';

/**
 * One RFC 4180 row (CRLF) for one attempt. Times are seconds from midnight of day 1, with millisecond precision.
 * @example callsCsvRow({ replication: 0, caseId: 7, attempt: 2, kind: 'redial', arrivalSeconds: 30612.25,
 *   waitSeconds: 4.5, outcome: 'answered', handleSeconds: 181 }) // '0,7,2,redial,30612.25,4.5,answered,181\r\n'
 */
export function callsCsvRow(record: AttemptRecord): string {
  return `${record.replication},${record.caseId},${record.attempt},${record.kind},${round3(record.arrivalSeconds)},${round3(record.waitSeconds)},${record.outcome},${round3(record.handleSeconds)}\r\n`;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
