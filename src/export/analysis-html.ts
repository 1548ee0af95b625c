/**
 * The HTML of the analyses: the waterfall of `compare --explain` and the cost curves of `sweep --all-variants` for
 * a report page, and the whole page of `staffsim sensitivity` with its tornado chart. Charts are rendered to static
 * SVG (`charts/render-chart.ts`), which is why these are asynchronous.
 */
import type { SensitivityResult } from '../core/sensitivity/sensitivity-result.js';
import { partsBySize } from '../report/explain.js';
import { formatMoney } from '../report/format.js';
import type { Report } from '../report/report.js';
import { breakEvenSentence, formatInputValue, sensitivityText, summarySentence } from '../report/sensitivity.js';
import { costCurvesSpec } from './charts/cost-curves.js';
import { renderChart } from './charts/render-chart.js';
import { tornadoSpec } from './charts/tornado.js';
import { waterfallSpec } from './charts/waterfall.js';
import { figure, htmlPage, htmlTable, section, type HtmlExtras } from './html.js';
import { escapeXml } from './svg-chart.js';

function signed(value: number, currency: string): string {
  if (!Number.isFinite(value)) return '–';
  const text = formatMoney(Math.abs(value), currency);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** Figures and sections for `reportToHtml`: element ids `chart-explain-<n>`, `explain`, `chart-all-variants`, `all-variants`. */
export async function reportExtras(report: Report): Promise<HtmlExtras> {
  const figures: string[] = [];
  const sections: string[] = [];
  const currency = report.currency;
  if (report.explain !== undefined && report.explain.length > 0) {
    for (const [n, explanation] of report.explain.entries()) {
      if (explanation.method === 'none') continue;
      const caption = `What drives the difference ${explanation.variant} − ${explanation.against} (analytic, Shapley values)`;
      figures.push(figure(`chart-explain-${n + 1}`, caption, await renderChart(waterfallSpec(explanation, currency), `svg-explain-${n + 1}`)));
    }
    sections.push(
      section(
        'explain',
        'What drives each difference',
        htmlTable(
          ['Variant', 'Input', 'Scenario path', 'Contribution'],
          report.explain.flatMap((explanation) =>
            explanation.method === 'none'
              ? [[`${explanation.variant} − ${explanation.against}`, explanation.problem ?? 'not split', '', '']]
              : [
                  ...partsBySize(explanation).map((part) => [`${explanation.variant} − ${explanation.against}`, part.label, part.path, signed(part.contribution, currency)]),
                  [`${explanation.variant} − ${explanation.against}`, 'difference (analytic)', '', signed(explanation.total, currency)],
                ],
          ),
          3,
        ) +
          '<p class="note">Shapley values: each input’s part is what switching it from the first variant’s value changes in the analytic total cost, averaged over every order of switching the inputs; the parts add up to the difference.</p>',
      ),
    );
  }
  if (report.sweeps !== undefined) {
    const all = report.sweeps;
    const parameter = all.curves[0]?.parameter ?? '';
    figures.push(figure('chart-all-variants', `Total cost of every variant over ${parameter}`, await renderChart(costCurvesSpec(all, currency), 'svg-all-variants')));
    const values = all.curves[0]?.points.map((point) => point.value) ?? [];
    sections.push(
      section(
        'all-variants',
        `Every variant over ${parameter}`,
        htmlTable(
          [parameter, ...all.curves.map((curve) => curve.variant)],
          values.map((value, p) => [String(value), ...all.curves.map((curve) => formatMoney(curve.points[p]?.totals.totalCost.mean ?? Number.NaN, currency))]),
          0,
        ) +
          (all.crossings.length === 0
            ? '<p class="note">The curves do not cross in this range.</p>'
            : `<p class="note">${all.crossings.map((c) => escapeXml(`${all.curves[c.first]?.variant} and ${all.curves[c.second]?.variant} cross at ${Number(c.value.toPrecision(4))} (about ${formatMoney(c.cost, currency)})`)).join('; ')}.</p>`),
      ),
    );
  }
  return { figures, sections };
}

/**
 * The page of `staffsim sensitivity --out FILE.html`: the tornado chart (`chart-tornado`), the sentences and the table
 * (`sensitivity`).
 */
export async function sensitivityHtml(result: SensitivityResult, version: string): Promise<string> {
  const pair = result.variants.length === 2;
  const title = pair
    ? `${result.scenario} — what the difference ${result.variants[1]} − ${result.variants[0]} depends on`
    : `${result.scenario} — what the total cost of ${result.variants[0]} depends on`;
  const sentences = result.rows.map((row) => breakEvenSentence(result, row)).filter((s): s is string => s !== null);
  const summary = summarySentence(result);
  const body = [
    `<h1>${escapeXml(title)}</h1>`,
    `<p class="meta">${escapeXml(sensitivityText(result).split('\n').slice(0, 2).join(' · '))}</p>`,
    figure('chart-tornado', 'Tornado: the inputs that move the answer most, from each input’s low to its high value', await renderChart(tornadoSpec(result), 'svg-tornado')),
    ...(sentences.length + (summary === '' ? 0 : 1) > 0 ? [`<section id="break-even"><h2>Break-even</h2>${[...sentences, summary].filter((s) => s !== '').map((s) => `<p>${escapeXml(s)}</p>`).join('\n')}</section>`] : []),
    section(
      'sensitivity',
      'Every input',
      htmlTable(
        ['Input', 'Low … high', 'Scenario', ...(pair ? ['Difference at low', 'Difference at high', 'Break-even'] : ['Total at low', 'Total at high'])],
        result.rows.map((row) => [
          row.label,
          `${formatInputValue(row.low, row.unit, result.currency)} … ${formatInputValue(row.high, row.unit, result.currency)}`,
          formatInputValue(row.base, row.unit, result.currency),
          ...(pair
            ? [
                signed(row.difference?.atLow ?? Number.NaN, result.currency),
                signed(row.difference?.atHigh ?? Number.NaN, result.currency),
                row.breakEvens.map((b) => formatInputValue(b.value, row.unit, result.currency)).join(', ') || 'none',
              ]
            : [formatMoney(row.atLow.totals[0] ?? Number.NaN, result.currency), formatMoney(row.atHigh.totals[0] ?? Number.NaN, result.currency)]),
        ]),
        1,
      ),
    ),
  ];
  return htmlPage(title, version, body);
}
