/**
 * Compare, performance and home pages. On a build of tests/fixtures/perf (tests/fixtures/base
 * plus performance samples): a shared /compare/ URL reproduces the static page's view, the chart
 * islands draw non-blank pixels, their tables carry the data, axe passes with a tooltip shown,
 * and pages without chart islands (model pages included) request no chart JS. On the real build: what /compare/ downloads at
 * load (the picker's small index) and on a pick (one file per item), and the popular static pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

/** Number of canvas pixels that are not fully transparent. */
const paintedPixels = (page: Page, selector: string) =>
  page.locator(selector).evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });

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

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server!.url}${href}`);
    await expect(page.locator('compare-picker #compare-table')).toBeVisible();
    expect(await tableText(page, 'compare-picker #compare-table')).toEqual(staticTable);
    // Reloading the shared URL shows the same view again.
    await page.reload();
    await expect(page.locator('compare-picker #compare-table')).toBeVisible();
    expect(await tableText(page, 'compare-picker #compare-table')).toEqual(staticTable);
    expect(errors).toEqual([]);
    await page.close();
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

  test('chart islands draw non-blank pixels; the performance table carries every point; axe passes with a tooltip shown', async ({
    page,
  }) => {
    await page.goto(`${server!.url}/performance/acme/atlas-2/`);
    const rows = await tableText(page, '#perf-table tbody');
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[8], r[9]])).toEqual([
      ['Acme Cloud', 'eu-west', '510', '80', '4 Jun 2025', 'probe v1'],
      ['Acme Cloud', 'us-east', '420', '85', '1 Jun 2025', 'probe v1'],
      ['Relay Router', 'eu-west', '880', '38', '2 Jun 2025', 'probe v1'],
      ['Relay Router', 'us-east', '640', '45', '3 Jun 2025', 'probe v1'],
    ]);
    for (const id of ['chart-speed', 'chart-ttft']) {
      const chart = page.locator(`#${id}`);
      await expect(chart.locator('canvas')).toHaveAttribute('aria-label', /.+/);
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toHaveAttribute('data-drawn', '');
      expect(await paintedPixels(page, `#${id} canvas`)).toBeGreaterThan(500);
    }
    const spec = JSON.parse((await page.locator('#chart-ttft').getAttribute('data-spec'))!) as {
      labels: string[];
      datasets: { label: string; data: number[] }[];
    };
    expect(spec.labels).toEqual(['eu-west', 'us-east']);
    expect(spec.datasets).toEqual([
      { label: 'Acme Cloud', data: [510, 420] },
      { label: 'Relay Router', data: [880, 640] },
    ]);
    // Hover the first bar region until chart.js shows a tooltip, then run axe.
    const box = (await page.locator('#chart-ttft canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
    await page.waitForTimeout(300);
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

  test('/compare/ links 30 popular static comparisons; the first draws its meter chart', async ({ page }) => {
    await page.goto('/compare/');
    const links = await page.locator('#popular + p + ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBe(30);
    await page.goto(links[0]!);
    await expect(page.locator('#compare-table th[scope=col]')).toHaveCount(4);
    const chart = page.locator('#chart-meters');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-drawn', '');
    expect(await paintedPixels(page, '#chart-meters canvas')).toBeGreaterThan(500);
  });

  test('the performance page explains how samples are recorded when there are none', async ({ page }) => {
    await page.goto('/performance/');
    await expect(page.getByRole('heading', { name: 'No performance samples yet' })).toBeVisible();
  });
});
