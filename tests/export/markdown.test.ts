import { describe, expect, it } from 'vitest';
import { markdownText, reportToMarkdown } from '../../src/export/markdown.js';
import { compareReport, renameVariants, sweepReport } from '../fixtures/report/reports.js';

describe('reportToMarkdown', () => {
  it('writes a title, the summary table and the differences against the first variant', () => {
    expect(reportToMarkdown(compareReport)).toMatchInlineSnapshot(`
      "# Municipal contact centre: mediocre vs world-class

      Comparison by staffsim 0.1.0. Money in SEK; counts per replication; ± is the half-width of the 95% confidence interval across replications.

      ## Summary

      | Variant | Source | Replications | Service level | ASA | Abandoned share | Occupancy | Attempts per case | Resolved share of cases | Paid agent hours | Total cost | Cost per resolved case |
      | :-- | :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |
      | mediocre | simulation | 20 | 62.0% ± 1.2% | 48.3 s ± 1.0 s | 10.0% ± 0.2% | 91.0% ± 1.8% | 1.70 ± 0.03 | 84.0% ± 1.7% | 170.0 h ± 3.4 h | 195,635 SEK ± 3,913 SEK | 129 SEK ± 2.59 SEK |
      | world-class | simulation | 20 | 81.2% ± 1.6% | 7.8 s ± 0.2 s | 2.0% ± 0.0% | 78.0% ± 1.6% | 1.20 ± 0.02 | 95.0% ± 1.9% | 190.0 h ± 3.8 h | 111,235 SEK ± 2,225 SEK | 65.52 SEK ± 1.31 SEK |

      ## Differences against mediocre

      | Variant | Metric | Difference | Relative | Significant |
      | :-- | :-- | --: | --: | --: |
      | world-class | Service level | +19.2 pp | +31.0% | yes |
      | world-class | Attempts per case | -0.50 | -29.4% | yes |
      | world-class | Staff cost | +8,400 SEK | +11.8% | no |
      | world-class | Fixed cost | 0 SEK | – | – |
      | world-class | Total cost | -84,400 SEK | -43.1% | yes |

      Differences of shares are in percentage points (pp). Significant: at the 5% level across replications (paired, common random numbers); – for analytic figures.
      "
    `);
  });

  it('writes the sweep table with the cheapest point marked', () => {
    expect(reportToMarkdown(sweepReport)).toMatchInlineSnapshot(`
      "# Agents sweep

      Sweep by staffsim 0.1.0. Money in SEK; counts per replication; ± is the half-width of the 95% confidence interval across replications.

      ## Summary

      | Variant | Source | Replications | Service level | ASA | Abandoned share | Occupancy | Attempts per case | Resolved share of cases | Paid agent hours | Total cost | Cost per resolved case |
      | :-- | :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |
      | base | simulation | 20 | 81.2% ± 1.6% | 7.8 s ± 0.2 s | 2.0% ± 0.0% | 78.0% ± 1.6% | 1.20 ± 0.02 | 95.0% ± 1.9% | 190.0 h ± 3.8 h | 111,235 SEK ± 2,225 SEK | 65.52 SEK ± 1.31 SEK |

      ## Sweep of \`staffing.agents\` (base)

      | Value | Service level | ASA | Abandoned share | Attempts per case | Total cost | Cost per resolved case | Cheapest |
      | --: | --: | --: | --: | --: | --: | --: | --: |
      | 10 | 41.0% ± 0.4% | 48.3 s ± 0.5 s | 10.0% ± 0.1% | 1.70 ± 0.02 | 160,000 SEK ± 1,600 SEK | 129 SEK ± 1.29 SEK |  |
      | 12 | 66.0% ± 0.7% | 48.3 s ± 0.5 s | 10.0% ± 0.1% | 1.70 ± 0.02 | 131,000 SEK ± 1,310 SEK | 129 SEK ± 1.29 SEK |  |
      | 14 | 83.0% ± 0.8% | 48.3 s ± 0.5 s | 10.0% ± 0.1% | 1.70 ± 0.02 | 118,500 SEK ± 1,185 SEK | 129 SEK ± 1.29 SEK | **cheapest** |
      | 16 | 93.0% ± 0.9% | 48.3 s ± 0.5 s | 10.0% ± 0.1% | 1.70 ± 0.02 | 124,000 SEK ± 1,240 SEK | 129 SEK ± 1.29 SEK |  |

      Cheapest: **staffing.agents = 14**, total cost 118,500 SEK.
      "
    `);
  });

  it('adds a scenario column when variants come from more than one scenario', () => {
    const [first, second] = compareReport.variants;
    const report = { ...compareReport, variants: [first!, { ...second!, scenario: 'Other centre' }] };
    const header = reportToMarkdown(report).split('\n').find((line) => line.startsWith('| Scenario'));
    expect(header?.startsWith('| Scenario | Variant | Source | Replications | Service level |')).toBe(true);
  });

  it('shows analytic figures without a half-width or replications', () => {
    const analytic = {
      ...compareReport.variants[0]!,
      source: 'erlang-c' as const,
      replications: null,
      seed: null,
      totals: Object.fromEntries(
        Object.entries(compareReport.variants[0]!.totals).map(([name, e]) => [name, { mean: e.mean, ci95: 0 }]),
      ) as typeof compareReport.variants[0]['totals'],
    };
    const text = reportToMarkdown({ ...compareReport, kind: 'run', variants: [analytic], differences: [] });
    expect(text).toContain('| mediocre | erlang-c | – | 62.0% | 48.3 s | 10.0% | 91.0% | 1.70 | 84.0% | 170.0 h | 195,635 SEK | 129 SEK |');
    expect(text).not.toContain('## Differences');
    expect(text).not.toContain('## Sweep');
  });

  it('escapes variant names so they cannot break a table or become markup', () => {
    const text = reportToMarkdown(renameVariants(compareReport, { mediocre: 'a|b <i>*x*</i>\nnext' }));
    const row = text.split('\n').find((line) => line.includes('simulation') && line.includes('a\\|b'));
    expect(row).toBeDefined();
    expect(row?.startsWith('| a\\|b \\<i\\>\\*x\\*\\</i\\> next | simulation |')).toBe(true);
    // Every table row still has the header's number of cells.
    const summary = text.split('\n').filter((line) => line.startsWith('|')).slice(0, 4);
    const cells = (line: string): number => line.replaceAll('\\|', '').split('|').length;
    expect(new Set(summary.map(cells)).size).toBe(1);
  });
});

describe('markdownText', () => {
  it('escapes markup characters and folds line breaks', () => {
    expect(markdownText('a|b *c* _d_ `e` [f](g) <h> & ~i~ #j \\')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\& \\~i\\~ \\#j \\\\',
    );
    expect(markdownText('one\r\ntwo')).toBe('one two');
  });
});
