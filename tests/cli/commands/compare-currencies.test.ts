import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/fake-io.js';

const folder = mkdtempSync(join(tmpdir(), 'staffsim-exchange-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** One small centre, priced in `currency` at `agentHour` an hour and 2 (of that currency) per waiting minute. */
function scenario(name: string, currency: string, agentHour: number): string {
  const path = join(folder, `${name}.yaml`);
  writeFileSync(
    path,
    `name: ${name}
currency: ${currency}
calendar: { days: 1, open: "08:00", close: "12:00", intervalMinutes: 30 }
demand: { casesPerDay: 200 }
handling: { handleTime: { distribution: exponential, meanSeconds: 180 } }
customers: { patience: { distribution: exponential, meanSeconds: 120 } }
staffing: { agents: 6 }
costs: { agentHour: ${agentHour}, customerWaitMinute: 2 }
simulation: { replications: 2, seed: 7 }
`,
  );
  return path;
}

const kronor = scenario('Kronor', 'SEK', 300);
const dollars = scenario('Dollars', 'USD', 30);

interface CompareJson {
  currency: string;
  exchange?: { into: string; rates: Record<string, number>; text: string };
  variants: { name: string; totals: Record<string, { mean: number; ci95: number }> }[];
}

describe('staffsim compare of scenarios in different currencies', () => {
  it('refuses them without --exchange (exit 2), says how to give the rates, and writes no file', async () => {
    const out = join(folder, 'refused.csv');
    const run = await runCli(['compare', kronor, dollars, '--analytic', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/SEK in .*Kronor\.yaml, USD in .*Dollars\.yaml/);
    expect(run.stderr).toMatch(/--exchange SEK=1,USD=RATE/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a malformed --exchange and one without a rate for a currency used (exit 2)', async () => {
    const malformed = await runCli(['compare', kronor, dollars, '--analytic', '--exchange', 'SEK=x']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--exchange: expected CURRENCY=RATE pairs/);
    const missing = await runCli(['compare', kronor, dollars, '--analytic', '--exchange', 'SEK=1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--exchange: no rate for USD/);
  });

  it('converts every amount into the first scenario’s currency and states the rate (analytic)', async () => {
    const alone = JSON.parse((await runCli(['compare', dollars, '--analytic', '--json'])).stdout) as CompareJson;
    const run = await runCli(['compare', kronor, dollars, '--analytic', '--json', '--exchange', 'SEK=1,USD=10.5']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as CompareJson;
    expect(json.currency).toBe('SEK');
    expect(json.exchange).toEqual({ into: 'SEK', rates: { USD: 10.5 }, text: '1 USD = 10.5 SEK (--exchange)' });
    const converted = json.variants[1]!.totals;
    const original = alone.variants[0]!.totals;
    for (const name of ['staffCost', 'customerTimeCost', 'totalCost', 'costPerResolvedCase']) {
      expect(converted[name]!.mean, name).toBeCloseTo(original[name]!.mean * 10.5, 6);
    }
    // Hours and counts are not money: unchanged.
    expect(converted['paidAgentHours']!.mean).toBe(original['paidAgentHours']!.mean);
    expect(converted['attempts']!.mean).toBe(original['attempts']!.mean);
    const text = await runCli(['compare', kronor, dollars, '--analytic', '--exchange', 'SEK=1,USD=10.5']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('money in SEK: 1 USD = 10.5 SEK (--exchange)');
    expect(text.stdout).not.toMatch(/USD\b(?! = )/); // every amount is in kronor
  });

  it('converts each simulated replication, so means and intervals scale by the rate', async () => {
    const alone = JSON.parse((await runCli(['compare', dollars, '--workers', '1', '--json'])).stdout) as CompareJson;
    const run = await runCli(['compare', kronor, dollars, '--workers', '1', '--json', '--exchange', 'SEK=0.5,USD=5.25']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as CompareJson;
    // Rates relative to the first scenario's currency: 1 USD = 5.25 / 0.5 = 10.5 SEK.
    expect(json.exchange?.rates).toEqual({ USD: 10.5 });
    const converted = json.variants[1]!.totals['totalCost']!;
    const original = alone.variants[0]!.totals['totalCost']!;
    expect(converted.mean).toBeCloseTo(original.mean * 10.5, 6);
    expect(converted.ci95).toBeCloseTo(original.ci95 * 10.5, 6);
    expect(original.ci95).toBeGreaterThan(0);
  });
});
