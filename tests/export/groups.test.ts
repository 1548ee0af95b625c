import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planVariant } from '../../src/core/plan/interval-plan.js';
import { reportToCsv } from '../../src/export/csv.js';
import { groupsTable, summaryTable } from '../../src/export/data-tables.js';
import { reportToHtml } from '../../src/export/html.js';
import { reportToMarkdown } from '../../src/export/markdown.js';
import { reportToXlsx } from '../../src/export/xlsx.js';
import { differencesAgainstFirst, variantFromPlan } from '../../src/report/build-report.js';
import type { Report } from '../../src/report/report.js';
import { readScenarioFile } from '../../src/scenario/load.js';

/** The analytic comparison of the network fixture's one variant with itself, with a second scenario-like copy. */
function networkReport(): Report {
  const scenario = readScenarioFile(join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'network.yaml'));
  const variant = variantFromPlan(planVariant(scenario.variants[0]!.model));
  const other = { ...variant, variant: 'copy' };
  return {
    kind: 'compare',
    title: 'Network',
    currency: 'SEK',
    staffsimVersion: '0.1.0',
    variants: [variant, other],
    differences: differencesAgainstFirst([variant, other], [null, null]),
    sweep: null,
    assumptions: [],
  };
}

describe('exports of a scenario with agent groups', () => {
  const report = networkReport();

  it('carry the metrics of SPEC §7 in the summary, and one row per variant and group', () => {
    const summary = summaryTable(report, { includeSweep: false });
    expect(summary.columns.map((c) => c.header)).toContain('Calls dialled per case (ratio)');
    expect(summary.columns.map((c) => c.header)).toContain('Failed transfer share (share 0-1)');
    const groups = groupsTable(report)!;
    expect(groups.rows.map((row) => [row[1], row[2]])).toEqual([
      ['base', 'switchboard'],
      ['base', 'case-officers'],
      ['copy', 'switchboard'],
      ['copy', 'case-officers'],
    ]);
    expect(groups.columns.map((c) => c.header)).toContain('Blocked share (share 0-1)');
    const csv = reportToCsv(report, 'groups').split('\r\n');
    expect(csv[0]).toMatch(/^Scenario,Variant,Group,Calls offered \(count\),Calls offered ±95% \(count\),/);
    expect(csv[2]).toMatch(/^Network,base,case-officers,/);
  });

  it('differences cover each group metric, labelled with the group', () => {
    const officers = report.differences.find((d) => d.metric === 'groups.case-officers.staffCost');
    expect(officers).toMatchObject({ variant: 'copy', absolute: 0 });
  });

  it('XLSX has a Groups sheet, Markdown and HTML a group table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await reportToXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Groups')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Group');
    expect(sheet.getRow(3).getCell(3).value).toBe('case-officers');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Intervals', 'Costs', 'Groups', 'Variants', 'Assumptions', 'Differences']);
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('## Agent groups');
    expect(markdown).toMatch(/\| base \| case-officers \| /);
    expect(await reportToHtml(report)).toContain('<section id="groups">');
  });

  it('a CSV of groups for a scenario without groups is an input error', () => {
    const scenario = readScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'textbook-erlang-c.yaml'));
    const variant = variantFromPlan(planVariant(scenario.variants[0]!.model));
    const plain: Report = { ...report, variants: [variant], differences: [] };
    expect(() => reportToCsv(plain, 'groups')).toThrow(/no agent groups/);
    expect(summaryTable(plain, { includeSweep: false }).columns).toHaveLength(5 + 2 * 30 + 7); // variant columns, every metric's mean and ±95%, the 7 budget columns
  });
});
