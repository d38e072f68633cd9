/**
 * Compare, performance and home pages. On a build of tests/fixtures/perf (tests/fixtures/base
 * plus performance samples): a shared /compare/ URL reproduces the static page's view, the price
 * charts and the performance charts with few points are SVG showing their table's providers and
 * figures (drawn by the server, and by the picker on /compare/), axe passes, and no page of these
 * requests chart JS (model pages included). On the real build: what /compare/ downloads at
 * load (the picker's small index) and on a pick (one file per item), and the popular static pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

/** The texts of an SVG chart (labels, values, ticks), in order. */
const svgTexts = (page: Page, selector: string) =>
  page.locator(`${selector} svg.svg-chart text, ${selector} svg.svg-chart tspan`).allTextContents();

/**
 * Scripts the page requests whose file name names a chart, but the small modules that draw one
 * (judged by name): the SVG geometry and its DOM renderer, and the chart.js island's loader,
 * which imports chart.js (compare-chart-draw) only for a chart with many points.
 */
const chartScripts = (page: Page): string[] => {
  const js: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop()!;
    if (
      r.resourceType() === 'script' &&
      /chart/i.test(name) &&
      !/^(svg-chart|svg-chart-dom|compare-chart)\.[\w-]+\.js$/.test(name)
    )
      js.push(name);
  });
  return js;
};

/**
 * The comparison's price charts as SVG show every provider of the table (its column heads) and
 * every price of its meter and monthly rows (the rows' cell texts).
 */
const expectPriceChartsShowTable = async (page: Page, root: string) => {
  const heads = await page
    .locator(`${root} #compare-table thead th[scope=col]`)
    .evaluateAll((ths) => ths.map((th) => (th.firstChild?.textContent ?? '').trim()));
  const rows = await tableText(page, `${root} #compare-table tbody`);
  const cells = (label: RegExp) => rows.filter((r) => label.test(r[0]!)).flatMap((r) => r.slice(1));
  for (const [id, label] of [
    ['chart-meters', /^(Input|Output|Cache read|Cache write) \(/],
    ['chart-monthly', /^Monthly/],
  ] as const) {
    const texts = await svgTexts(page, `${root} #${id}`);
    for (const h of heads) expect(texts, `${id}: ${h}`).toContain(h);
    for (const v of cells(label).filter((c) => /^\$/.test(c))) expect(texts, `${id}: ${v}`).toContain(v.split(' ')[0]);
  }
};

const tableText = (page: Page, selector: string) =>
  page.locator(`${selector} tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));

const axe = async (page: Page) => {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
};

test.describe('on tests/fixtures/perf', () => {
  test.describe.configure({ mode: 'serial' });
  let server: FixtureSite | undefined;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await fixtureSite('compare', 'tests/fixtures/perf');
  });
  test.afterAll(() => server?.close());

  test('the static comparison works without JS and its "change" link reproduces the same table', async ({ browser }) => {
    const noJs = await browser.newPage({ javaScriptEnabled: false });
    await noJs.goto(`${server!.url}/compare/acme/atlas-2/`);
    await expect(noJs.getByRole('heading', { level: 1 })).toHaveText(/Atlas 2 at/);
    const staticTable = await tableText(noJs, '#compare-table');
    expect(staticTable.length).toBeGreaterThan(20);
    const href = await noJs.getByRole('link', { name: 'change this comparison' }).getAttribute('href');
    expect(href).toMatch(/^\/compare\/\?offerings=/);
    await noJs.close();

    // With JS, the static page's price charts are server-side SVG: no chart JS loads.
    const context = await browser.newContext();
    const page = await context.newPage();
    const js = chartScripts(page);
    await page.goto(`${server!.url}/compare/acme/atlas-2/`);
    await expectPriceChartsShowTable(page, 'main');
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(200);
    expect(js).toEqual([]);

    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server!.url}${href}`);
    await expect(page.locator('compare-picker #compare-table')).toBeVisible();
    expect(await tableText(page, 'compare-picker #compare-table')).toEqual(staticTable);
    // The picker draws the same charts as SVG, and redraws them when an offering is removed and added again.
    await expectPriceChartsShowTable(page, 'compare-picker');
    const chip = page.locator('compare-picker ul.chosen li button[aria-label^="Remove "]').last();
    const picked = (await chip.getAttribute('aria-label'))!.slice('Remove '.length);
    await chip.click();
    await expect(page.getByRole('button', { name: `Remove ${picked}` })).toHaveCount(0);
    const before = await svgTexts(page, 'compare-picker #chart-meters');
    await page.getByLabel('Add').fill(picked);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('button', { name: `Remove ${picked}` })).toHaveCount(1);
    await expectPriceChartsShowTable(page, 'compare-picker');
    const heads = await page.locator('compare-picker #compare-table thead th[scope=col] a').allTextContents();
    const added = heads.filter((h) => !before.includes(h.trim()));
    expect(added.length).toBeGreaterThan(0);
    for (const h of added) expect(await svgTexts(page, 'compare-picker #chart-meters')).toContain(h.trim());
    expect(js).toEqual([]);
    // The table and the charts the browser drew pass axe too.
    expect(await axe(page)).toEqual([]);
    // Reloading the shared URL shows the same view again.
    await page.reload();
    await expect(page.locator('compare-picker #compare-table')).toBeVisible();
    expect(await tableText(page, 'compare-picker #compare-table')).toEqual(staticTable);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the picker writes the selection to the URL', async ({ page }) => {
    await page.goto(`${server!.url}/compare/`);
    const form = page.locator('compare-picker form');
    await expect(form).toBeVisible();
    await page.getByLabel('Add').fill('Acme');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Add').fill('Relay Router');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page).toHaveURL(/\/compare\/\?providers=acme,relay$/);
    await expect(page.locator('#compare-table th[scope=col]')).toHaveText([/Acme/, /Relay Router/]);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remove Relay Router' }).click();
    await expect(page).toHaveURL(/\/compare\/\?providers=acme$/);
    await expect(page.locator('#compare-table')).toHaveCount(0);
  });

  test('performance charts with few points are SVG with every provider, region and time of the table; axe passes', async ({
    page,
  }) => {
    // Four samples: both charts (4 points, 2 × 2 bars) have at most SVG_MAX_POINTS (chart-data.ts
    // drawnAsSvg), so they are drawn as SVG and no chart JS loads; chart.js remains only for
    // charts with more points, where tooltips are needed.
    const js = chartScripts(page);
    await page.goto(`${server!.url}/performance/acme/atlas-2/`);
    const rows = await tableText(page, '#perf-table tbody');
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[8], r[9]])).toEqual([
      ['Acme Cloud', 'eu-west', '510', '80', '4 Jun 2025', 'probe v1'],
      ['Acme Cloud', 'us-east', '420', '85', '1 Jun 2025', 'probe v1'],
      ['Relay Router', 'eu-west', '880', '38', '2 Jun 2025', 'probe v1'],
      ['Relay Router', 'us-east', '640', '45', '3 Jun 2025', 'probe v1'],
    ]);
    await expect(page.locator('canvas')).toHaveCount(0);
    for (const id of ['chart-speed', 'chart-ttft'])
      await expect(page.locator(`#${id} svg.svg-chart`)).toHaveAttribute('aria-label', /.+/);
    const speed = await svgTexts(page, '#chart-speed');
    for (const r of rows) expect(speed).toContain(`${r[0]}, ${r[1]}`);
    const ttft = await svgTexts(page, '#chart-ttft');
    for (const r of rows) {
      expect(ttft).toContain(r[0]);
      expect(ttft).toContain(r[1]);
      expect(ttft).toContain(`${r[2]} ms`);
    }
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(200);
    expect(js).toEqual([]);
    expect(await axe(page)).toEqual([]);
  });

  test('the performance index lists models with samples', async ({ page }) => {
    await page.goto(`${server!.url}/performance/`);
    await expect(page.getByRole('link', { name: 'Atlas 2' })).toHaveAttribute('href', '/performance/acme/atlas-2/');
  });

  test('pages without chart islands request no chart JS (model pages draw theirs as SVG); the home chart draws', async ({
    page,
  }) => {
    const js: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && js.push(r.url()));
    for (const url of ['/providers/', '/performance/', '/methodology/', '/models/acme/atlas-2/']) {
      await page.goto(`${server!.url}${url}`);
      await page.mouse.wheel(0, 5000);
      await page.waitForTimeout(200);
    }
    expect(js.filter((u) => /chart/i.test(u))).toEqual([]);
    await page.goto(`${server!.url}/`);
    await expect(page.getByRole('link', { name: 'Compare', exact: true }).first()).toBeVisible();
    expect(await page.locator('a[href="/search/"]:not(header a)').count()).toBe(0);
  });
});

test.describe('on the real data', () => {
  test('/compare/ downloads at most 30 KB (gzipped) at load, its picker index on first use, then only the files picked', async ({
    page,
  }) => {
    const providers = readdirSync('data/providers')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({
        id: f.slice(0, -5),
        name: (parse(readFileSync(join('data/providers', f), 'utf8')) as { name: string }).name,
      }));
    const responses: Promise<{ path: string; gz: number }>[] = [];
    page.on('response', (r) =>
      responses.push(
        r.body().then(
          (b) => ({ path: new URL(r.url()).pathname, gz: gzipSync(b, { level: 6 }).length }),
          () => ({ path: r.url(), gz: 0 }),
        ),
      ),
    );
    await page.goto('/compare/');
    await page.waitForLoadState('networkidle');
    const atLoad = await Promise.all(responses);
    const total = atLoad.reduce((a, r) => a + r.gz, 0);
    console.log(`/compare/ at load: ${(total / 1024).toFixed(1)} KB gzipped in ${atLoad.length} responses`);
    expect(total).toBeLessThanOrEqual(30 * 1024);
    expect(atLoad.filter((r) => r.path.startsWith('/compare-items/'))).toEqual([]);
    // The picker's index (names only) comes with the first use of the form.
    await page.getByLabel('Add').focus();
    await expect(page.locator('#compare-options option')).toHaveCount(providers.length);
    const index = (await Promise.all(responses)).find((r) => r.path === '/compare/index.json')!;
    console.log(`/compare/index.json: ${(index.gz / 1024).toFixed(1)} KB gzipped`);
    expect(index.gz).toBeLessThanOrEqual(30 * 1024);
    // Picking two providers fetches their two files, and the table shows them.
    const [a, b] = providers.filter((p) => ['groq', 'openai'].includes(p.id));
    for (const p of [a!, b!]) {
      await page.getByLabel('Add').fill(p.name);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await expect(page.locator('#compare-table th[scope=col]')).toHaveText([new RegExp(a!.name), new RegExp(b!.name)]);
    const fetched = (await Promise.all(responses)).map((r) => r.path).filter((p) => p.startsWith('/compare-items/'));
    expect(fetched.sort()).toEqual([`/compare-items/providers/${a!.id}.json`, `/compare-items/providers/${b!.id}.json`].sort());
  });

  test('/compare/ links 30 popular static comparisons; the first shows its price charts as SVG, no chart JS', async ({
    page,
  }) => {
    const js = chartScripts(page);
    await page.goto('/compare/');
    const links = await page.locator('#popular + p + ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBe(30);
    await page.goto(links[0]!);
    await expect(page.locator('#compare-table th[scope=col]')).toHaveCount(4);
    await expectPriceChartsShowTable(page, 'main');
    expect(js).toEqual([]);
  });

  test('the performance page explains how samples are recorded when there are none', async ({ page }) => {
    await page.goto('/performance/');
    await expect(page.getByRole('heading', { name: 'No performance samples yet' })).toBeVisible();
  });
});
