/**
 * The cells of one row of a plan's "agents per interval" table as people read them (Markdown and HTML exports), and
 * their headers. Pure.
 */
import { formatNumber } from '../report/format.js';
import type { PlanStaffingRow } from '../report/report.js';
import { formatMetricValue } from './metric-labels.js';

/** Headers of the cells of `staffingCells`, after the variant and group columns. */
export const STAFFING_HEADERS = ['Day', 'Start', 'Attempts', 'On the phones', 'Paid agents', 'FTE', 'Service level', 'Staff cost'] as const;

/**
 * Day (its date when the calendar has one), start, attempts, agents on the phones, paid agents, FTEs, service level and
 * staff cost of one interval; the variant and group are left to the caller, which escapes them for its format.
 * @example staffingCells({ day: 1, start: '08:00', attempts: 14.2, onPhoneAgents: 1, paidAgents: 1.43, fte: 0.022, serviceLevel: 0.62, staffCost: 186, … }, 'SEK')
 *   // ['1', '08:00', '14.2', '1', '1.4', '0.02', '62.0%', '186 SEK']
 */
export function staffingCells(row: PlanStaffingRow, currency: string): string[] {
  return [
    row.date ?? String(row.day),
    row.start,
    formatNumber(row.attempts, 1),
    formatNumber(row.onPhoneAgents, Number.isInteger(row.onPhoneAgents) ? 0 : 1),
    formatNumber(row.paidAgents, 1),
    formatNumber(row.fte, 2),
    formatMetricValue('share', row.serviceLevel, currency),
    formatMetricValue('money', row.staffCost, currency),
  ];
}
