/// <reference lib="dom" />
/**
 * The HTML report in a real browser (the system's Chromium through playwright-core; .ci/run installs it): the verdict,
 * the key figures and every chart are visible without horizontal scrolling at 1280 px and in A4 print, time labels do
 * not overlap, the browser prints it to a PDF, and the page asks for nothing over the network. One browser launch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtBinary } from '../helpers/built-binary.js';

const root = join(import.meta.dirname, '..', '..');
/** Debian and Ubuntu install Chromium here; STAFFSIM_CHROMIUM names another. */
const CHROMIUM = process.env['STAFFSIM_CHROMIUM'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
/** A4 less the print style sheet's 14 mm margins on each side, in CSS pixels (96 per inch). */
const A4_PRINTABLE_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

const folder = mkdtempSync(join(tmpdir(), 'staffsim-e2e-html-'));
const report = join(folder, 'report.html');
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  const { bin, cleanUp } = builtBinary();
  try {
    const made = spawnSync(process.execPath, [bin, 'compare', 'scenarios/municipal-contact-centre.yaml', '--replications', '3', '--workers', '1', '--out', report], { cwd: root, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
  } finally {
    cleanUp();
  }
  expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set STAFFSIM_CHROMIUM)`).toBe(true);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const own = pathToFileURL(report).href;
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === own) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(own);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Ids of the elements a reader must see: the verdict, the key figures and every chart. */
async function mustSee(): Promise<string[]> {
  const charts = await page.$$eval('figure[id^="chart-"]', (figures) => figures.map((f) => f.id));
  return ['verdict', 'key-figures', ...charts];
}

async function expectVisibleWithin(width: number): Promise<void> {
  const scroll = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(scroll.client);
  for (const id of await mustSee()) {
    const box = await page.locator(`#${id}`).boundingBox();
    expect(box, id).not.toBeNull();
    expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
    expect((box?.x ?? 0) + (box?.width ?? Infinity), `${id} ends within ${width} px`).toBeLessThanOrEqual(width + 0.5);
    expect(box?.height ?? 0, id).toBeGreaterThan(10);
    // Every table and chart inside fits too (a wide table would scroll inside its wrapper).
    const overflow = await page.$$eval(`#${id} .table-wrap, #${id} svg`, (elements) => elements.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(overflow, `${id}: a table or chart is cut off`).toBe(0);
  }
}

describe('the HTML report in a browser', () => {
  it('leads with the verdict, then the key figures, then the charts', async () => {
    const order = await page.$$eval('main > section, main > h1', (elements) => elements.map((e) => e.id || e.tagName));
    expect(order.slice(0, 4)).toEqual(['H1', 'verdict', 'key-figures', 'charts']);
    expect(await page.locator('#verdict p.verdict').innerText()).toMatch(/^world-class is the cheapest per resolved case: [\d.]+ SEK/);
    const rows = await page.locator('#key-figures tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(10);
    expect(await page.locator('#key-figures thead th').allInnerTexts()).toEqual(['', 'switchboard', 'mediocre', 'world-class']);
    expect(await mustSee()).toEqual(expect.arrayContaining(['chart-cost', 'chart-service-level']));
  });

  it('shows them without horizontal scrolling at 1280 px', async () => {
    await expectVisibleWithin(1280);
  });

  it('labels the time axis without overlapping labels', async () => {
    const boxes = await page.$$eval('#chart-service-level .role-axis-label text', (texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, text: t.textContent ?? '' };
      }),
    );
    const bottom = Math.max(...boxes.map((b) => b.top));
    const xLabels = boxes.filter((b) => Math.abs(b.top - bottom) < 2).sort((a, b) => a.left - b.left);
    expect(xLabels.length).toBeGreaterThan(1);
    expect(new Set(xLabels.map((b) => b.text)).size).toBe(xLabels.length);
    for (let i = 1; i < xLabels.length; i++) expect(xLabels[i]!.left, `${xLabels[i - 1]!.text} / ${xLabels[i]!.text}`).toBeGreaterThanOrEqual(xLabels[i - 1]!.right);
    for (const label of boxes) expect(label.text).not.toMatch(/^-0(\.0+)?$/);
  });

  it('fits A4 in print, and the browser prints it to a PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1000 });
    await expectVisibleWithin(A4_PRINTABLE_WIDTH);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
  });

  it('makes no network request', () => {
    expect(requests).toEqual([]);
  });
});
