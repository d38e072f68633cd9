/**
 * Model, family and organization pages. On the real build: the most widely served models list
 * every provider whose offering links to them, and the largest generation's page every provider
 * serving any of its models (expected sets read from data/ with `yaml`, not through the site's code). On a build of tests/fixtures/base plus an unpriced model: the
 * edge cases (one provider, deprecated, no prices, tiered prices), the chart and the filters.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { formatDate, formatUsd } from '../../src/core/format.ts';
import { DATA_SOURCE_LABEL, DATA_SOURCE_URL } from '../../src/core/vocab.ts';
import { expectDrawnInPlaceWithoutChartCode, scriptRequests } from '../support/svg-charts.ts';
import { builtPages } from '../support/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'data');

const yamlFiles = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.yaml') && !e.name.startsWith('_'))
    .map((e) => join(e.parentPath, e.name));

/** Model id → provider ids of the offerings linked to it, read straight from data/offerings (once per worker). */
let byModel: Map<string, string[]> | undefined;
const offeringsByModel = () => {
  if (byModel) return byModel;
  byModel = new Map<string, string[]>();
  for (const f of yamlFiles(join(DATA, 'offerings'))) {
    const rec = parse(readFileSync(f, 'utf8')) as { provider: string; model?: string };
    if (rec.model) byModel.set(rec.model, [...(byModel.get(rec.model) ?? []), rec.provider]);
  }
  return byModel;
};

/** The TOP most widely served models (by distinct providers), most first. */
const TOP = 40;
const topModels = () =>
  [...offeringsByModel()]
    .map(([id, providers]) => ({ id, providers, distinct: new Set(providers).size }))
    .sort((a, b) => b.distinct - a.distinct || (a.id < b.id ? -1 : 1))
    .slice(0, TOP);

const providerIdsOnPage = (page: Page) =>
  page.locator('table.where tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.provider ?? ''));

test.describe('on the real data', () => {
  // Four tests of ten models each, so that both workers share them.
  for (let from = 0; from < TOP; from += 10) {
    test(`the ${TOP} most widely served models list every provider whose offering links to them (${from + 1}–${from + 10})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const top = topModels();
      expect(top.length).toBeGreaterThan(0);
      for (const m of top.slice(from, from + 10)) {
        const res = await page.goto(`/models/${m.id}/`, { waitUntil: 'domcontentloaded' });
        expect(res?.status(), m.id).toBe(200);
        const onPage = await providerIdsOnPage(page);
        expect(onPage.slice().sort(), m.id).toEqual(m.providers.slice().sort());
        // Every provider is linked from the table (one look at the DOM per page, not one per provider).
        const linked = new Set(
          await page.locator('table.where a[href^="/providers/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
        );
        expect(
          [...new Set(m.providers)].filter((p) => !linked.has(`/providers/${p}/`)),
          `${m.id}: providers not linked`,
        ).toEqual([]);
      }
    });
  }

  test('/models/ pages list every model without JS; with JS it filters and sorts the whole index', async ({ browser }) => {
    const expected = yamlFiles(join(DATA, 'models'))
      .map((f) => f.slice(join(DATA, 'models').length + 1, -'.yaml'.length))
      .sort();
    const noJs = await browser.newPage({ javaScriptEnabled: false });
    await noJs.goto('/models/');
    await expect(noJs.locator('model-table form')).toBeHidden();
    const pageLinks = await noJs.locator('nav.pages a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const listed: string[] = [];
    for (const url of ['/models/', ...pageLinks]) {
      await noJs.goto(url);
      const hrefs = await noJs.locator('model-table tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeLessThanOrEqual(100);
      listed.push(...hrefs.map((h) => h.slice('/models/'.length, -1)));
    }
    expect(listed.sort()).toEqual(expected);
    await noJs.close();

    const page = await browser.newPage();
    await page.goto('/models/?sort=providers&dir=desc');
    await expect(page.locator('model-table[data-ready]')).toBeAttached();
    await expect(page.getByRole('columnheader', { name: /Providers/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('nav.pages')).toBeHidden();
    const counts = (await page.locator('model-table tbody td:nth-child(9)').allTextContents()).map(Number);
    expect(counts.length).toBe(Math.min(100, expected.length));
    expect(counts).toEqual(counts.slice().sort((a, b) => b - a));
    await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
    await expect(page.locator('model-table tbody tr')).toHaveCount(Math.min(200, expected.length));
    await page.getByLabel('Minimum context').selectOption('1000000');
    await expect(page).toHaveURL(/min_context=1000000/);
    const shown = await page.locator('model-table tbody td:nth-child(5)').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const c of shown) expect(c).toMatch(/M$/);
    await page.close();
  });

  test('a widely served model shows its chart as labelled SVG, and loads no chart code', async ({ page }) => {
    const errors: string[] = [];
    const js = scriptRequests(page);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const [id, providers] = [...offeringsByModel()].sort((a, b) => new Set(b[1]).size - new Set(a[1]).size)[0]!;
    await page.goto(`/models/${id}/`);
    const chart = page.locator('figure.chart svg.svg-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAttribute('aria-label', /per provider/);
    await chart.scrollIntoViewIfNeeded();
    // Every bar or point is labelled: as many labels as the chart has providers' offerings, none empty.
    const labels = await chart.locator('text.label, text.point').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.length).toBeLessThanOrEqual(providers.length);
    expect(labels.every((l) => l.trim().length > 0)).toBe(true);
    await expectDrawnInPlaceWithoutChartCode(page, chart, js);
    expect(errors).toEqual([]);
  });
});

/** Records of one kind in a data folder, parsed (expectations are computed from them, not from the site's code). */
const recordCache = new Map<string, { id: string; rec: unknown }[]>();
/** Parsed once per folder and worker: servedBy reads every offering for each family it sizes. */
const records = <T>(data: string, kind: string): { id: string; rec: T }[] => {
  const key = join(data, kind);
  if (!recordCache.has(key))
    recordCache.set(
      key,
      yamlFiles(key).map((f) => ({
        id: f.slice(key.length + 1, -'.yaml'.length),
        rec: parse(readFileSync(f, 'utf8')) as unknown,
      })),
    );
  return recordCache.get(key) as { id: string; rec: T }[];
};
interface FamilyRec {
  name: string;
  parent?: string;
}
interface ModelRec {
  name: string;
  family?: string;
  base_model?: string;
}
interface OfferingRec {
  provider: string;
  model?: string;
  status?: string;
  pricing?: { billing?: string; input?: number; output?: number; usd_rate?: { usd_per_unit: number } };
  features?: Record<string, boolean>;
}
/** The providers table of a family page over all its models (not a chooser's one-model view). */
const allModelsTable = (page: Page) =>
  page.locator('table.family-providers').filter({ has: page.locator('caption', { hasText: / models$/ }) });
/** Family id → the ids of it and every generation below it. */
const subtreeOf = (families: { id: string; rec: FamilyRec }[], id: string): Set<string> => {
  const out = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of families)
      if (f.rec.parent !== undefined && out.has(f.rec.parent) && !out.has(f.id)) {
        out.add(f.id);
        grew = true;
      }
  }
  return out;
};
/** Provider id → distinct models of the family it serves (retired offerings left out). */
const servedBy = (data: string, family: string) => {
  const ids = subtreeOf(records<FamilyRec>(data, 'families'), family);
  const members = new Set(
    records<ModelRec>(data, 'models')
      .filter((m) => m.rec.family && ids.has(m.rec.family))
      .map((m) => m.id),
  );
  const out = new Map<string, { models: Set<string>; input: number[]; blended: number[] }>();
  for (const { rec: o } of records<OfferingRec>(data, 'offerings')) {
    if (!o.model || !members.has(o.model) || o.status === 'retired') continue;
    const r = out.get(o.provider) ?? { models: new Set<string>(), input: [], blended: [] };
    r.models.add(o.model);
    const rate = o.pricing?.usd_rate?.usd_per_unit ?? 1;
    if ((o.pricing?.billing ?? 'usage') === 'usage' && o.pricing?.input !== undefined) r.input.push(o.pricing.input * rate);
    if ((o.pricing?.billing ?? 'usage') === 'usage' && o.pricing?.input !== undefined && o.pricing.output !== undefined)
      r.blended.push(((3 * o.pricing.input + o.pricing.output) * rate) / 4);
    out.set(o.provider, r);
  }
  return { members, providers: out };
};

test.describe('family pages on the real data', () => {
  test('the largest generation lists every provider serving any of its models, with the number of models', async ({ page }) => {
    const families = records<FamilyRec>(DATA, 'families');
    const generations = families.filter((f) => f.rec.parent !== undefined);
    const sized = generations
      .map((g) => ({ id: g.id, providers: servedBy(DATA, g.id).providers }))
      .sort((a, b) => b.providers.size - a.providers.size);
    const { id, providers } = sized[0]!;
    expect(providers.size).toBeGreaterThan(0);
    await page.goto(`/families/${id}/`);
    const rows = allModelsTable(page).locator('tbody tr[data-provider]');
    const onPage = await rows.evaluateAll((trs) =>
      trs.map((r) => [(r as HTMLElement).dataset.provider ?? '', r.querySelector('td[data-col="models"]')?.textContent ?? '']),
    );
    expect(onPage.map(([p]) => p).sort()).toEqual([...providers.keys()].sort());
    for (const [p, count] of onPage) expect(Number(count), p).toBe(providers.get(p!)!.models.size);
  });

  test('model pages name the family by its readable name and link its page', async ({ page }) => {
    const names = new Map(records<FamilyRec>(DATA, 'families').map((f) => [f.id, f.rec.name]));
    const families = new Map(records<ModelRec>(DATA, 'models').map((m) => [m.id, m.rec.family]));
    const withFamily = topModels()
      .map((m) => ({ id: m.id, family: families.get(m.id) }))
      .filter((m): m is { id: string; family: string } => m.family !== undefined)
      .slice(0, 5);
    expect(withFamily.length).toBeGreaterThan(0);
    for (const m of withFamily) {
      await page.goto(`/models/${m.id}/`, { waitUntil: 'domcontentloaded' });
      await expect(page.locator(`dl.facts a[href="/families/${m.family}/"]`), m.id).toHaveText(names.get(m.family)!);
    }
  });

  test('an old model or family URL (src/model/redirects.json) leads to its new page', async ({ page }) => {
    const map = JSON.parse(readFileSync(join(ROOT, 'src/model/redirects.json'), 'utf8')) as Record<string, string>;
    const model = Object.entries(map).find(([from]) => from.startsWith('/models/'))!;
    const family = Object.entries(map).find(([from, to]) => from.startsWith('/families/') && to.startsWith('/families/'))!;
    for (const [from, to] of [model, family]) {
      await page.goto(from);
      await page.waitForURL((u) => u.pathname === to);
      await expect(page.locator('h1')).toBeVisible();
    }
  });

  test('/families/ shows every top-level family with models, by its readable name', async ({ page }) => {
    const families = records<FamilyRec>(DATA, 'families');
    const withModels = families.filter((f) => f.rec.parent === undefined && servedBy(DATA, f.id).members.size > 0);
    await page.goto('/families/');
    const names = await page.locator('.family-tree > li > a.family-name').allTextContents();
    expect(names.slice().sort()).toEqual(withModels.map((f) => f.rec.name).sort());
  });
});
/** Provider id → its name, from data/providers (the tie-break of equal prices). */
const providerNames = () =>
  new Map(records<{ name: string }>(DATA, 'providers').map((p) => [p.id.split('/').at(-1)!, p.rec.name]));

test.describe('family and model page layout on the real data (issue 16)', () => {
  /** Rows of the all-models providers table of a family page: provider id and data-cheapest (blended, or undefined). */
  const familyRows = async (page: Page, id: string) => {
    await page.goto(`/families/${id}/`);
    return allModelsTable(page)
      .locator('tbody tr[data-provider]')
      .evaluateAll((trs) =>
        trs.map((r) => {
          const d = (r as HTMLElement).dataset;
          return { id: d.provider!, cheapest: d.cheapest === undefined ? undefined : Number(d.cheapest) };
        }),
      );
  };
  /** Checks a family page's rows against the records: each provider's lowest blended price, cheapest first, unpriced last. */
  const expectSortedByCheapest = async (page: Page, id: string) => {
    const { providers } = servedBy(DATA, id);
    const rows = await familyRows(page, id);
    expect(rows.map((r) => r.id).sort(), id).toEqual([...providers.keys()].sort());
    for (const r of rows) {
      const want = providers.get(r.id)!.blended;
      if (want.length) expect(r.cheapest, `${id} ${r.id}`).toBeCloseTo(Math.min(...want), 6);
      else expect(r.cheapest, `${id} ${r.id}`).toBeUndefined();
    }
    const priced = rows.filter((r) => r.cheapest !== undefined).map((r) => r.cheapest!);
    expect(priced, `${id}: cheapest first`).toEqual(priced.slice().sort((a, b) => a - b));
    expect(
      rows.slice(priced.length).every((r) => r.cheapest === undefined),
      `${id}: unpriced last`,
    ).toBe(true);
    return rows;
  };

  test('family pages: providers are rows sorted by their cheapest price, unpriced last under a heading', async ({ page }) => {
    // The generation with the most providers, and the top-level family with the most models (a chooser).
    const families = records<FamilyRec>(DATA, 'families');
    const bySize = (key: 'providers' | 'members') =>
      families
        .map((f) => ({
          id: f.id,
          parent: f.rec.parent,
          n: key === 'providers' ? servedBy(DATA, f.id).providers.size : servedBy(DATA, f.id).members.size,
        }))
        .sort((a, b) => b.n - a.n);
    const generation = bySize('providers').find((f) => f.parent !== undefined)!;
    const family = bySize('members').find((f) => f.parent === undefined)!;
    for (const id of [generation.id, family.id]) {
      const rows = await expectSortedByCheapest(page, id);
      const unpriced = rows.filter((r) => r.cheapest === undefined).length;
      await expect(allModelsTable(page).getByRole('columnheader', { name: /No usage price/ })).toHaveCount(unpriced ? 1 : 0);
      const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      expect(w, `${id}: no sideways page scroll`).toBeLessThanOrEqual(h);
    }
  });

  test('family with many models: a chooser of links shows one model (URL fragment), its providers cheapest first; without JS', async ({
    browser,
  }) => {
    const families = records<FamilyRec>(DATA, 'families');
    const id = families.map((f) => ({ id: f.id, n: servedBy(DATA, f.id).members.size })).sort((a, b) => b.n - a.n)[0]!.id;
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    await page.goto(`/families/${id}/`);
    await page.getByText(/^Show one model/).click();
    // The model of the family served by the most providers.
    const { members } = servedBy(DATA, id);
    const byModel = offeringsByModel();
    const model = [...members].sort((a, b) => new Set(byModel.get(b) ?? []).size - new Set(byModel.get(a) ?? []).size)[0]!;
    const name = records<ModelRec>(DATA, 'models').find((m) => m.id === model)!.rec.name;
    await page.locator('.chooser').getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(/#m-/);
    await expect(allModelsTable(page)).toBeHidden();
    const one = page.getByRole('table', { name: `Providers of ${name}` });
    await expect(one).toBeVisible();
    const live = records<OfferingRec>(DATA, 'offerings')
      .filter((o) => o.rec.model === model && o.rec.status !== 'retired')
      .map((o) => o.rec.provider);
    const shown = await one
      .locator('tbody tr[data-provider]')
      .evaluateAll((trs) => trs.map((r) => (r as HTMLElement).dataset.provider!));
    expect(shown.slice().sort()).toEqual([...new Set(live)].sort());
    const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    expect(w).toBeLessThanOrEqual(h);
    await page.goBack();
    await expect(allModelsTable(page)).toBeVisible();
    await page.close();
  });

  test('the providers of any Llama 3.x model (the Llama 3, 3.1, 3.2 and 3.3 generations) are the union of their family pages', async ({
    page,
  }) => {
    const families = records<FamilyRec>(DATA, 'families');
    const gens = families
      .filter((f) => /^Llama 3(\.\d+)?$/.test(f.rec.name))
      .map((f) => f.id)
      .sort();
    expect(gens.length).toBeGreaterThan(0);
    const expected = new Set(gens.flatMap((g) => [...servedBy(DATA, g).providers.keys()]));
    const onPages = new Set<string>();
    for (const g of gens) for (const r of await expectSortedByCheapest(page, g)) onPages.add(r.id);
    expect([...onPages].sort()).toEqual([...expected].sort());
    const names = providerNames();
    test.info().annotations.push({
      type: 'llama-3.x providers',
      description: `${gens.join(', ')}: ${expected.size} providers: ${[...expected]
        .sort()
        .map((p) => names.get(p) ?? p)
        .join(', ')}`,
    });
  });

  /** The most widely served model: its page is the widest table. */
  const widest = () => topModels()[0]!;

  test('model page: sticky provider column, price then cost per month, default columns, feature marks with text', async ({
    page,
  }) => {
    const m = widest();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/models/${m.id}/`);
    const table = page.locator('table.where');
    const first = table.locator('tbody th[scope="row"]').first();
    expect(await first.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    expect(
      await table
        .locator('thead th')
        .first()
        .evaluate((e) => getComputedStyle(e).position),
    ).toBe('sticky');
    // Shown by default: price (input, output), per month, context, max output, features; the rest hidden.
    const heads = await table
      .locator('thead th')
      .evaluateAll((ths) => ths.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => t.textContent!.trim()));
    expect(heads.slice(0, 6)).toEqual(['Provider', 'Input', 'Output', 'Per month', 'Context', 'Max output']);
    for (const hidden of ['API model id', 'Regions', 'Speed', 'Status', 'Blended']) expect(heads).not.toContain(hidden);
    // After scrolling the table sideways the provider column is still at its left edge.
    const wrap = page.locator('#where-table .table-wrap');
    const left = (await wrap.boundingBox())!.x;
    await wrap.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    expect(Math.abs((await first.boundingBox())!.x - left)).toBeLessThan(3);
    // Feature marks: ✓/✗/? with text from the offering's record, for providers with one offering of the model.
    const recs = records<OfferingRec>(DATA, 'offerings').filter((o) => o.rec.model === m.id);
    const single = recs.filter((o) => recs.filter((x) => x.rec.provider === o.rec.provider).length === 1).slice(0, 10);
    expect(single.length).toBeGreaterThan(0);
    for (const { rec } of single)
      for (const key of ['tool_calling', 'structured_output']) {
        const cell = table.locator(`tbody tr[data-provider="${rec.provider}"] td[data-feature="${key}"]`);
        const v = rec.features?.[key];
        const text = v === undefined ? 'unknown' : v ? 'yes' : 'no';
        await expect(cell.locator('.sr-only'), `${rec.provider} ${key}`).toHaveText(text);
        await expect(cell.locator('[aria-hidden="true"]')).toHaveText(v === undefined ? '?' : v ? '✓' : '✗');
        await expect(cell).toHaveAttribute('title', new RegExp(`: ${text}$`));
      }
  });

  test('model page: the column choice round-trips in the URL', async ({ page }) => {
    const m = widest();
    await page.goto(`/models/${m.id}/`);
    await expect(page.locator('where-columns[data-ready]')).toBeAttached();
    const table = page.locator('table.where');
    await page.getByText('Columns', { exact: true }).click();
    await page.getByLabel('Regions', { exact: true }).check();
    await page.getByLabel('API model id', { exact: true }).check();
    await page.getByLabel('Features', { exact: true }).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('cols')).toBe('price,monthly,context,maxout,id,regions');
    await expect(table.getByRole('columnheader', { name: 'Regions' })).toBeVisible();
    await expect(table.locator('td[data-col="features"]').first()).toBeHidden();
    await expect(table.getByRole('button', { name: /^Copy / }).first()).toBeVisible();
    await page.reload();
    await expect(page.locator('where-columns[data-ready]')).toBeAttached();
    await expect(page.getByLabel('Regions', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Features', { exact: true })).not.toBeChecked();
    await expect(table.getByRole('columnheader', { name: 'Regions' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Tools' })).toBeHidden();
    // Back to the default set: the parameter is left out.
    await page.getByText('Columns', { exact: true }).click();
    await page.getByLabel('Regions', { exact: true }).uncheck();
    await page.getByLabel('API model id', { exact: true }).uncheck();
    await page.getByLabel('Features', { exact: true }).check();
    await expect(page).not.toHaveURL(/cols=/);
  });

  test('model page at 390 px: each offering is a card, price and cost per month first; no sideways scroll', async ({ page }) => {
    const m = widest();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`/models/${m.id}/`);
    const row = page.locator('table.where tbody tr').first();
    expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe('grid');
    const labels = await row.locator('td').evaluateAll((tds) =>
      tds
        .filter((t) => (t as HTMLElement).offsetParent !== null)
        .slice(0, 3)
        .map((t) => (t as HTMLElement).dataset.label),
    );
    expect(labels).toEqual(['Input', 'Output', 'Per month']);
    const box = (await row.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    expect(w).toBeLessThanOrEqual(h);
    await expect(row.locator('td[data-col="monthly"]')).toBeVisible();
  });
});

/** Relay's Atlas 2: two sources that differ on the output price, and a price change announced after the data date (2025-06-01). */
const RELAY_OBS = [
  { source: 'models-dev', as_of: '2025-05-01', input: 3.15, output: 15.75 },
  { source: 'litellm', as_of: '2025-05-20', input: 3.15, output: 16 },
] as const;
const RELAY_NEXT = { effective_from: '2025-09-01', input: 2.5, output: 12 };
const RELAY_DATED = [
  'observations:',
  ...RELAY_OBS.map((o) => `  - { source: ${o.source}, as_of: ${o.as_of}, pricing: { input: ${o.input}, output: ${o.output} } }`),
  'price_history:',
  `  - { effective_from: ${RELAY_OBS[0].as_of}, input: ${RELAY_OBS[0].input}, output: ${RELAY_OBS[0].output} }`,
  `  - { effective_from: ${RELAY_NEXT.effective_from}, input: ${RELAY_NEXT.input}, output: ${RELAY_NEXT.output} }`,
  '',
].join('\n');

test.describe('edge cases on tests/fixtures/base', () => {
  test.describe.configure({ mode: 'serial' });
  let server: FixtureSite | undefined;
  let fixtureData = '';
  const put = (data: string, rel: string, text: string) => {
    mkdirSync(dirname(join(data, rel)), { recursive: true });
    writeFileSync(join(data, rel), text);
  };
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await fixtureSite('models', (data) => {
      fixtureData = data;
      cpSync(join(ROOT, 'tests/fixtures/base'), data, { recursive: true });
      put(data, 'families/gx.yaml', 'name: GX\norganization: globex\n');
      put(
        data,
        'models/globex/gx-unpriced.yaml',
        'name: GX Unpriced\norganization: globex\ntype: text-generation\nfamily: gx\nrelease_date: 2025-02\n',
      );
      put(
        data,
        'offerings/relay/globex/gx-unpriced.yaml',
        'provider: relay\nmodel: globex/gx-unpriced\nprovider_model_id: gx-unpriced\npricing:\n  billing: subscription\n  plan: Relay Pro\n',
      );
      put(
        data,
        'offerings/relay/acme/atlas-2.yaml',
        'provider: relay\nmodel: acme/atlas-2\nprovider_model_id: acme/atlas-2\npricing:\n  input: 3.15\n  output: 15.75\nlimits:\n  context_window: 128000\n' +
          RELAY_DATED,
      );
      put(
        data,
        'offerings/acme/globex/gx-unpriced.yaml',
        'provider: acme\nmodel: globex/gx-unpriced\nprovider_model_id: gx-unpriced\npricing:\n  billing: unpublished\n',
      );
    });
  });
  test.afterAll(() => server?.close());
  const rowOf = (page: Page, provider: string) => page.locator(`table.where tbody tr[data-provider="${provider}"]`);

  test('a model with one provider: one row, marked cheapest, price converted to USD, no chart', async ({ page }) => {
    await page.goto(`${server!.url}/models/globex/gx-mini/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('GX Mini');
    await expect(page.locator('table.where tbody tr')).toHaveCount(1);
    const row = rowOf(page, 'relay');
    await expect(row.getByRole('link', { name: 'Relay Router' })).toHaveAttribute('href', '/providers/relay/');
    await expect(row).toContainText('Cheapest');
    await expect(row).toContainText('$0.108');
    await expect(page.locator('svg.svg-chart')).toHaveCount(0);
    await expect(page.getByText('1 offering from 1 provider')).toBeVisible();
  });

  test('a deprecated model: notice with dates, successor link, status per offering; hidden from /models/ by default', async ({
    page,
  }) => {
    await page.goto(`${server!.url}/models/acme/atlas-1/`);
    await expect(page.locator('.notice')).toHaveText(
      'This model is deprecated: deprecated on 1 Jun 2025, retires on 1 Dec 2025.',
    );
    await expect(page.getByRole('link', { name: 'Atlas 2' })).toHaveAttribute('href', '/models/acme/atlas-2/');
    await expect(rowOf(page, 'acme').locator('td[data-col="status"]')).toHaveText('deprecated');
    await page.goto(`${server!.url}/models/`);
    await expect(page.locator('model-table[data-ready]')).toBeAttached();
    await expect(page.getByRole('rowheader', { name: /Atlas 1/ })).toBeHidden();
    await page.getByLabel('Status').selectOption('all');
    await expect(page.getByRole('rowheader', { name: /Atlas 1/ })).toBeVisible();
    await expect(page).toHaveURL(/status=all/);
  });

  test('a model without prices: billing labels, never $0, nothing marked cheapest, no chart', async ({ page }) => {
    await page.goto(`${server!.url}/models/globex/gx-unpriced/`);
    await expect(page.locator('table.where tbody tr')).toHaveCount(2);
    await expect(rowOf(page, 'relay').locator('td[data-col="price"]').first()).toHaveText('Subscription');
    await expect(rowOf(page, 'acme').locator('td[data-col="price"]').first()).toHaveText('Not published');
    await expect(page.locator('table.where')).not.toContainText('$0');
    await expect(page.locator('table.where')).not.toContainText('Cheapest');
    await expect(page.locator('svg.svg-chart')).toHaveCount(0);
    await page.goto(`${server!.url}/models/`);
    const row = page.getByRole('row', { name: /GX Unpriced/ });
    await expect(row.locator('td').nth(8)).toHaveText('');
    await expect(row.locator('td').nth(10)).toHaveText('');
  });

  test('a model with tiered prices: tiers, batch from the discount, cheapest and fastest, lower limits marked, chart', async ({
    page,
  }) => {
    await page.goto(`${server!.url}/models/acme/atlas-2/`);
    const rows = page.locator('table.where tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute('data-provider', 'acme');
    const acme = rowOf(page, 'acme');
    await expect(acme).toContainText('above 100K: $6.00 / $22.50');
    await expect(acme).toContainText('above 150K: $9.00 / $30.00');
    await expect(acme).toContainText('$1.50 / $7.50');
    await expect(acme).toContainText('Cheapest');
    await expect(acme).toContainText('Fastest');
    await expect(acme).toContainText('85 tok/s');
    await expect(acme.getByText('Copy')).toBeAttached(); // in the API model id column, hidden until chosen
    await expect(rowOf(page, 'relay')).not.toContainText('Cheapest');
    await expect(rowOf(page, 'relay').locator('td[data-col="context"]')).toHaveText("128K lower than the model's limit");
    await expect(acme.locator('td[data-col="context"]')).toHaveText('200K');
    const chart = page.locator('figure.chart svg.svg-chart');
    await expect(chart).toBeVisible();
    expect((await chart.locator('text.label, text.point').allTextContents()).sort()).toEqual(['Acme Cloud', 'Relay Router']);
    // The family by its record's readable name, linked to its page.
    const atlas = records<FamilyRec>(fixtureData, 'families').find((f) => f.id === 'atlas')!.rec.name;
    await expect(page.getByRole('link', { name: atlas, exact: true })).toHaveAttribute('href', '/families/atlas/');
    await expect(page.getByRole('link', { name: 'Acme AI' }).first()).toHaveAttribute('href', '/organizations/acme/');
  });

  test('family page: who serves it and its cheapest input price, computed from the records; the models', async ({ page }) => {
    const { members, providers } = servedBy(fixtureData, 'atlas');
    await page.goto(`${server!.url}/families/atlas/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atlas');
    const table = page.getByRole('table', { name: /Providers of Atlas models/ });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((r) => [
          (r as HTMLElement).dataset.provider ?? '',
          r.querySelector('td[data-col="models"]')?.textContent ?? '',
          r.querySelector('td[data-col="in-out"]')?.textContent ?? '',
        ]),
      );
    expect(rows.map(([p]) => p).sort()).toEqual([...providers.keys()].sort());
    for (const [p, count, inOut] of rows) {
      const want = providers.get(p!)!;
      expect(Number(count), p).toBe(want.models.size);
      if (want.blended.length) expect(inOut, p).toMatch(/^\$[\d.,]+ \/ \$[\d.,]+$/);
      else expect(inOut, p).toBe('—');
    }
    const models = page.getByRole('table', { name: /Atlas models, newest first/ });
    await expect(models.locator('tbody tr')).toHaveCount(members.size);
    await expect(models.getByRole('link', { name: 'Atlas 2' })).toHaveAttribute('href', '/models/acme/atlas-2/');
    await expect(page.getByRole('heading', { name: 'Fine-tunes and merges' })).toHaveCount(0);
  });

  test('price sources and an announced price: a mark beside the price, each source in the note, the change announced', async ({
    page,
  }) => {
    const [dev, lite] = RELAY_OBS;
    const announced = `From ${formatDate(RELAY_NEXT.effective_from)}: ${formatUsd(RELAY_NEXT.input)} / ${formatUsd(RELAY_NEXT.output)} per 1M (announced)`;
    await page.goto(`${server!.url}/models/acme/atlas-2/`);
    const relay = rowOf(page, 'relay');
    await expect(relay).toContainText(formatUsd(dev.output));
    await expect(relay.getByRole('link', { name: '⚠ Sources differ' })).toHaveAttribute('href', '#src-relay__acme__atlas-2');
    await expect(relay).toContainText(announced);
    await expect(rowOf(page, 'acme').getByRole('link', { name: '1 source' })).toHaveAttribute('href', '#sources');
    const note = page.locator('details#sources');
    await note.locator('summary').click();
    const entry = note.locator('#src-relay__acme__atlas-2');
    await expect(entry).toContainText(
      `Sources disagree on output: ${formatUsd(dev.output)} (${DATA_SOURCE_LABEL[dev.source]}, ${formatDate(dev.as_of)}) vs ${formatUsd(lite.output)} (${DATA_SOURCE_LABEL[lite.source]}, ${formatDate(lite.as_of)})`,
    );
    await expect(entry.getByRole('link', { name: DATA_SOURCE_LABEL[lite.source] }).first()).toHaveAttribute(
      'href',
      DATA_SOURCE_URL[lite.source],
    );
    await expect(page.getByRole('table', { name: /Atlas 2 at Relay Router: price history/ })).toContainText('(announced)');
    await page.goto(`${server!.url}/providers/relay/pricing/`);
    await expect(page.getByRole('columnheader', { name: 'Sources' })).toBeVisible();
    await expect(page.getByText(announced)).toBeVisible();
  });

  test('organization page and the indexes', async ({ page }) => {
    await page.goto(`${server!.url}/organizations/acme/`);
    await expect(
      page
        .getByRole('row', { name: /Atlas 2/ })
        .locator('td')
        .last(),
    ).toHaveText('2');
    await page.goto(`${server!.url}/organizations/`);
    await expect(page.getByRole('rowheader')).toHaveText(['Acme AI', 'Globex Research']);
    await page.goto(`${server!.url}/families/`);
    const top = records<FamilyRec>(fixtureData, 'families')
      .filter((f) => f.rec.parent === undefined)
      .map((f) => f.rec.name)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    await expect(page.locator('.family-tree > li > a.family-name')).toHaveText(top);
  });
});

test('every price-history table of a model page names one offering: no two captions alike', () => {
  const pages = builtPages().filter((p) => p.type === 'model' && p.html.includes(': price history, USD per 1M tokens</caption>'));
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    const captions = [...p.html.matchAll(/<caption[^>]*>([^<]*: price history, USD per 1M tokens)<\/caption>/g)].map((m) => m[1]);
    expect(captions.length, p.url).toBeGreaterThan(0);
    expect(new Set(captions).size, `${p.url}: ${captions.join(' | ')}`).toBe(captions.length);
  }
});
