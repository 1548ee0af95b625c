/**
 * Charts as static SVG for the HTML exports: a Vega-Lite 6 specification compiled by vega-lite and rendered by vega
 * 6 without a DOM (`renderer: 'none'`, then `toSVG()`). Both libraries are loaded only when a chart is drawn, so the
 * other commands do not pay for them. The SVG is made fit for a page that forbids every request: the namespace
 * declarations (an inline SVG needs none) are dropped, and so is anything that could reference another resource.
 */

/** A Vega-Lite specification (kept loose: the chart modules build plain objects). */
export type ChartSpec = Record<string, unknown>;

/** Common settings: no actions, a plain font, no animation, fixed size from the spec. */
const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};

/**
 * Renders a Vega-Lite specification to an SVG element (a string) for inlining in an offline page.
 * @param id the element id given to the `<svg>` (for tests and links)
 * @example await renderChart({ mark: 'bar', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } }, 'chart-x')
 */
export async function renderChart(spec: ChartSpec, id: string): Promise<string> {
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const compiled = vegaLite.compile({ ...spec, config: { ...CONFIG, ...((spec['config'] as object | undefined) ?? {}) } } as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return cleanSvg(svg, id);
  } finally {
    view.finalize();
  }
}

/** The SVG without namespace declarations or references, with the id and the page's chart class. */
function cleanSvg(svg: string, id: string): string {
  return svg
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\s+xlink:href="[^"]*"/g, '')
    .replace(/\s+href="[^"]*"/g, '')
    .replace(/^<svg\b/, `<svg id="${id}" role="img"`)
    .replace(/class="marks"/, 'class="chart marks"');
}
