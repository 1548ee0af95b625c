/**
 * `staffsim import` of a large file (a long test, `npm run test:long`): a year of one-minute counts around the clock,
 * read from a file line by line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/fake-io.js';

const folder = mkdtempSync(join(tmpdir(), 'staffsim-import-long-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('staffsim import of a large file', () => {
  it('reads a year of one-minute counts around the clock (525,600 rows) from a file', async () => {
    const file = join(folder, 'year.csv');
    const lines = ['Time,Calls'];
    const first = Date.UTC(2023, 0, 1);
    for (let d = 0; d < 365; d++) {
      const date = new Date(first + d * 86_400_000).toISOString().slice(0, 10);
      for (let minute = 0; minute < 1440; minute++) lines.push(`${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')},${minute % 5}`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runCli(['import', file, '--json', '--interval-minutes', '15']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/: 525,600 rows /);
    const json = JSON.parse(run.stdout) as { calendar: object; demand: { casesPerDay: number } };
    expect(json.calendar).toEqual({ days: 7, startWeekday: 'mon', open: '00:00', close: '24:00', intervalMinutes: 15 });
    expect(json.demand.casesPerDay).toBe(2880); // (0 + 1 + 2 + 3 + 4) × 288 every day
  });
});
