import { describe, expect, it } from 'vitest';
import { COST_LINE_NAMES } from '../../src/core/metrics.js';
import { reportToHtml } from '../../src/export/html.js';
import type { Report } from '../../src/report/report.js';
import { compareReport, renameVariants, sweepReport } from '../fixtures/report/reports.js';

const HOSTILE = '<script>alert("x")</script> & \'q\'';

/** The inner text of the element with this id (first match, no nesting of the same tag inside). */
function element(html: string, tag: string, id: string): string {
  const match = new RegExp(`<${tag} id="${id}">([\\s\\S]*?)</${tag}>`).exec(html);
  if (match?.[1] === undefined) throw new Error(`no <${tag} id="${id}">`);
  return match[1];
}

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].length;
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'area', 'base', 'source', 'wbr']);

/** Checks that every non-void element is closed in order, and returns the tag names seen. */
function expectBalancedTags(html: string): Set<string> {
  const stack: string[] = [];
  const seen = new Set<string>();
  for (const match of html.replace(/<!DOCTYPE html>/i, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s[^<>]*)?)>/g)) {
    const [, closing, name = '', rest = ''] = match;
    const tag = name.toLowerCase();
    seen.add(tag);
    if (closing === '/') expect(stack.pop(), `closing </${tag}>`).toBe(tag);
    else if (!VOID.has(tag) && !rest.endsWith('/')) stack.push(tag);
  }
  expect(stack).toEqual([]);
  return seen;
}

describe('reportToHtml', () => {
  const compare = reportToHtml(compareReport);
  const sweep = reportToHtml(sweepReport);

  it('is one self-contained page: no network references, scripts, links or external resources', () => {
    for (const html of [compare, sweep]) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\(|\ssrc=|\shref=|xlink:/i);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
      expect(count(html, /<style>/)).toBe(1);
      const tags = expectBalancedTags(html);
      expect(tags.has('svg')).toBe(true);
    }
  });

  it('has a title, the summary table and the differences', () => {
    expect(compare).toContain('<title>Municipal contact centre: mediocre vs world-class</title>');
    expect(compare).toContain('<h1>Municipal contact centre: mediocre vs world-class</h1>');
    const summary = element(compare, 'section', 'summary');
    expect(count(summary, /<tr>/)).toBe(3);
    expect(summary).toContain('<td class="num">81.2% ± 1.6%</td>');
    expect(summary).toContain('<td class="num">195,635 SEK ± 3,913 SEK</td>');
    const differences = element(compare, 'section', 'differences');
    expect(differences).toContain('<h2>Differences against mediocre</h2>');
    expect(count(differences, /<tr>/)).toBe(1 + compareReport.differences.length);
    expect(differences).toContain('<td class="num">+19.2 pp</td><td class="num">+31.0%</td><td class="num">yes</td>');
    expect(sweep).not.toContain('id="differences"');
  });

  it('draws total cost by variant as stacked bars, one segment per cost line', () => {
    const chart = element(compare, 'figure', 'chart-cost');
    expect(count(chart, /<svg /)).toBe(1);
    expect(count(chart, /<rect class="bar-segment /)).toBe(compareReport.variants.length * COST_LINE_NAMES.length);
    expect(count(chart, /<g class="bar">/)).toBe(2);
    expect(count(chart, /class="legend-item"/)).toBe(COST_LINE_NAMES.length);
    expect(chart).toContain('<text class="bar-total" ');
    expect(chart).toContain('>195,635 SEK</text>');
    expect(chart).toContain('<title>mediocre — Unresolved case cost: 108,000 SEK</title>');
    // Segments of one bar stack up to its total: the staff-cost segment is the tallest of world-class.
    const heights = [...chart.matchAll(/class="bar-segment series-(\d)" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(heights).toHaveLength(14);
    expect(Math.max(...heights.slice(7))).toBe(heights[7]);
  });

  it('draws service level by interval, one line per variant', () => {
    const chart = element(compare, 'figure', 'chart-service-level');
    expect(count(chart, /<svg /)).toBe(1);
    expect(count(chart, /<path class="line-series /)).toBe(2);
    expect(count(chart, /<circle class="line-point /)).toBe(6);
    expect(chart).toContain('<title>world-class, 08:30: 77.0%</title>');
    for (const label of ['08:00', '08:30', '09:00']) expect(chart).toContain(`>${label}</text>`);
  });

  it('leaves a gap in a line where an interval has no figure', () => {
    const [first, second] = compareReport.variants;
    const gap = first!.intervals.map((interval, i) => (i === 1 ? { ...interval, serviceLevel: { mean: Number.NaN, ci95: 0 } } : interval));
    const html = reportToHtml({ ...compareReport, variants: [{ ...first!, intervals: gap }, second!] });
    const chart = element(html, 'figure', 'chart-service-level');
    const paths = [...chart.matchAll(/<path class="line-series series-(\d)" d="([^"]*)"/g)].map((m) => m[2] ?? '');
    expect(paths[0]?.match(/M/g)).toHaveLength(2);
    expect(paths[0]).not.toContain('L');
    expect(paths[1]?.match(/M/g)).toHaveLength(1);
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('draws the sweep cost curve with its minimum marked', () => {
    const chart = element(sweep, 'figure', 'chart-sweep');
    expect(count(chart, /<svg /)).toBe(1);
    expect(count(chart, /<path class="curve-line"/)).toBe(1);
    expect(count(chart, /<circle class="curve-point/)).toBe(4);
    const minimum = [...chart.matchAll(/<circle class="curve-point curve-minimum"[^>]*><title>([^<]*)<\/title>/g)];
    expect(minimum).toHaveLength(1);
    expect(minimum[0]?.[1]).toBe('staffing.agents = 14: 118,500 SEK (minimum)');
    expect(chart).toContain('>Cheapest: 14 → 118,500 SEK</text>');
    // The marked point is the lowest on the chart (largest y coordinate).
    const cy = [...chart.matchAll(/<circle class="curve-point( curve-minimum)?" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => ({ minimum: m[1] !== undefined, y: Number(m[2]) }));
    expect(cy.find((p) => p.minimum)?.y).toBe(Math.max(...cy.map((p) => p.y)));
    const table = element(sweep, 'section', 'sweep');
    expect(count(table, /<tr class="cheapest">/)).toBe(1);
    expect(table).toContain('<tr class="cheapest"><td class="num">14</td>');
    expect(compare).not.toContain('id="chart-sweep"');
  });

  it('escapes hostile text everywhere it appears', () => {
    const report: Report = { ...renameVariants(compareReport, { mediocre: HOSTILE }), title: HOSTILE };
    const html = reportToHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert("x")');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<td>${escaped}</td>`);
    expect(html).toContain(`<h2>Differences against ${escaped}</h2>`);
    expect(element(html, 'figure', 'chart-service-level')).toContain(`<title>${escaped}</title>`);
    expectBalancedTags(html);
  });

  it('lists all metrics and the assumptions, including the staffsim version', () => {
    const all = element(compare, 'details', 'all-metrics');
    expect(count(all, /<tr>/)).toBe(1 + 30);
    const assumptions = element(compare, 'details', 'assumptions');
    expect(assumptions).toContain('<td>staffsim version</td><td>0.1.0</td>');
    expect(assumptions).toContain('<td>mediocre</td><td>handling.firstContactResolution</td><td>0.55</td>');
  });

  it('says so instead of drawing an empty service-level chart', () => {
    const variants = compareReport.variants.map((v) => ({ ...v, intervals: [] }));
    const html = reportToHtml({ ...compareReport, variants });
    expect(element(html, 'figure', 'chart-service-level')).toContain('No interval figures in this report.');
    expectBalancedTags(html);
  });
});

describe('reportToHtml with different calendars', () => {
  it('lines up the service-level lines by day and start, over every interval any variant has', () => {
    const [first, second] = compareReport.variants;
    const later = second!.intervals.map((interval, i) => ({ ...interval, start: ['08:30', '09:00', '09:30'][i] ?? '' }));
    const html = reportToHtml({ ...compareReport, variants: [first!, { ...second!, scenario: 'Other', intervals: later }] });
    const chart = element(html, 'figure', 'chart-service-level');
    for (const label of ['08:00', '08:30', '09:00', '09:30']) expect(chart).toContain(`>${label}</text>`);
    expect(count(chart, /<circle class="line-point series-0"/)).toBe(3);
    expect(count(chart, /<circle class="line-point series-1"/)).toBe(3);
    expect(chart).toContain('<title>world-class, 08:30: 85.0%</title>');
    expect(chart).toContain('<title>mediocre, 08:30: 48.0%</title>');
  });
});
