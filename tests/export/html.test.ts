import { beforeAll, describe, expect, it } from 'vitest';
import { metricLabel } from '../../src/export/metric-labels.js';
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
  let compare = '';
  let sweep = '';
  beforeAll(async () => {
    compare = await reportToHtml(compareReport);
    sweep = await reportToHtml(sweepReport);
  }, 60_000);

  it('is one self-contained page: no network references, scripts, links or external resources', () => {
    for (const html of [compare, sweep]) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\(|\ssrc=|\shref=|xlink:/i);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
      expect(count(html, /<style>/)).toBe(1);
      expect(html).toContain('@page { size: A4;');
      expect(expectBalancedTags(html).has('svg')).toBe(true);
    }
  });

  it('leads with the verdict, then the key figures (variants as columns, at most ten rows), then the charts', () => {
    const order = [...compare.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(['verdict', 'key-figures', 'charts']);
    const keyFigures = element(compare, 'section', 'key-figures');
    expect(keyFigures).toContain('<th scope="col"></th><th scope="col" class="num">mediocre</th><th scope="col" class="num">world-class</th>');
    expect(count(keyFigures, /<tr>/) - 1).toBeLessThanOrEqual(10);
    expect(element(compare, 'section', 'verdict')).toContain('world-class has the lowest total cost');
  });

  it('draws every chart with Vega-Lite as inline SVG, the cost stacked by cost line', () => {
    for (const id of ['chart-cost', 'chart-service-level']) expect(count(element(compare, 'figure', id), /<svg /)).toBe(1);
    const cost = element(compare, 'figure', 'chart-cost');
    for (const name of COST_LINE_NAMES) expect(cost).toContain(metricLabel(name));
    expect(element(sweep, 'figure', 'chart-sweep')).toContain('cheapest: 14');
    expect(compare).not.toContain('id="chart-sweep"');
  });

  it('never labels an axis "-0" and never repeats a tick label on a money axis', async () => {
    const small = { ...compareReport, variants: compareReport.variants.map((v) => ({ ...v, totals: { ...v.totals, staffCost: { mean: 1.2, ci95: 0 }, totalCost: { mean: 2.31, ci95: 0 } } })) };
    const html = await reportToHtml(small);
    const labels = [...element(html, 'figure', 'chart-cost').matchAll(/role-axis-label[\s\S]*?<\/g>/g)].flatMap((m) => [...m[0].matchAll(/>([^<>]+)<\/text>/g)].map((t) => t[1]));
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.filter((label) => /^-0(\.0+)?$/.test(label ?? ''))).toEqual([]);
    const numeric = labels.filter((label) => /^[\d.,]+$/.test(label ?? ''));
    expect(new Set(numeric).size).toBe(numeric.length);
  });

  it('escapes hostile text everywhere it appears', async () => {
    const report: Report = { ...renameVariants(compareReport, { mediocre: HOSTILE }), title: HOSTILE };
    const html = await reportToHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert("x")');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<td>${escaped}</td>`);
    expectBalancedTags(html);
  });

  it('lists all metrics and the assumptions, including the staffsim version', () => {
    const all = element(compare, 'details', 'all-metrics');
    expect(count(all, /<tr>/)).toBe(1 + 30);
    const assumptions = element(compare, 'details', 'assumptions');
    expect(assumptions).toContain('<td>staffsim version</td><td>0.1.0</td>');
  });

  it('says so instead of drawing an empty service-level chart', async () => {
    const variants = compareReport.variants.map((v) => ({ ...v, intervals: [] }));
    const html = await reportToHtml({ ...compareReport, variants });
    expect(element(html, 'figure', 'chart-service-level')).toContain('No interval figures in this report.');
  });
});
