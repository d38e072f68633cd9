/**
 * /pricing/: the explorer on the production build. The expected monthly costs are computed here
 * from the YAML records with plain arithmetic (not with src/core/cost.ts), for a workload simple
 * enough that only input, output and per-request prices count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';

const DATA = resolve(import.meta.dirname, '../../data/offerings');
const MODEL = 'anthropic/claude-sonnet-4.6';
const WORKLOAD = { req: 1000, in: 2000, out: 500 };

interface Offer {
  id: string;
  provider: string;
  model?: string;
  status?: string;
  pricing?: {
    billing?: string;
    currency?: string;
    input?: number;
    output?: number;
    cache_read?: number;
    batch?: unknown;
    per_request?: number;
    free_tier?: unknown;
    tiers?: { above_tokens: number }[];
  };
}
/** Every offering of MODEL that the explorer lists by default (not deprecated or retired). */
const offersOf = (model: string): Offer[] => {
  const out: Offer[] = [];
  for (const provider of readdirSync(DATA)) {
    let files: string[];
    try {
      files = readdirSync(join(DATA, provider, model.split('/')[0]!));
    } catch {
      continue;
    }
    for (const f of files.filter((x) => x.endsWith('.yaml') && !x.startsWith('_'))) {
      const o = parse(readFileSync(join(DATA, provider, model.split('/')[0]!, f), 'utf8')) as Offer & { model?: string };
      if (o.model === model && o.status !== 'deprecated' && o.status !== 'retired')
        out.push({ ...o, id: `${provider}/${model.split('/')[0]}/${f.slice(0, -5)}` });
    }
  }
  return out;
};
/** USD per month: tokens × USD per 1M tokens / 1,000,000, plus the per-request fee. */
const expectedCost = (p: NonNullable<Offer['pricing']>) =>
  (WORKLOAD.req * WORKLOAD.in * p.input! + WORKLOAD.req * WORKLOAD.out * p.output!) / 1_000_000 +
  WORKLOAD.req * (p.per_request ?? 0);
const usd = (v: number) => `$${v.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

const ready = async (page: Page, url = '/pricing/') => {
  await page.goto(url);
  await expect(page.locator('pricing-explorer[data-ready]')).toHaveCount(1);
};
/** The offering rows, without the cost groups' heading rows. */
const ROWS = '#explorer-rows tr:not(.group)';
const rowData = (page: Page) =>
  page.locator(ROWS).evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('th')?.textContent?.trim() ?? '',
      provider: tr.querySelector('td a')?.getAttribute('href') ?? '',
      cost: tr.querySelector('.cost .figure')?.textContent ?? '',
      detail: tr.querySelector('.cost .detail')?.textContent ?? '',
      note: tr.querySelector('.cost .note')?.textContent ?? '',
    })),
  );
type TableRow = { heading: string } | { provider: string; cost: string; note: string };
/** Every row of the table in order, group headings as { heading }. */
const tableData = (page: Page): Promise<TableRow[]> =>
  page.locator('#explorer-rows tr').evaluateAll((trs) =>
    trs.map((tr) =>
      tr.classList.contains('group')
        ? { heading: tr.textContent?.trim() ?? '' }
        : {
            provider: tr.querySelector('td a')?.getAttribute('href') ?? '',
            cost: tr.querySelector('.cost .figure')?.textContent ?? '',
            note: tr.querySelector('.cost .note')?.textContent ?? '',
          },
    ),
  );
/** Every offering record (not deprecated or retired), with its model. */
const allOffers = (): Offer[] => {
  const out: Offer[] = [];
  for (const provider of readdirSync(DATA))
    for (const org of readdirSync(join(DATA, provider), { withFileTypes: true }).filter((d) => d.isDirectory()))
      for (const f of readdirSync(join(DATA, provider, org.name)).filter((x) => x.endsWith('.yaml') && !x.startsWith('_'))) {
        const o = parse(readFileSync(join(DATA, provider, org.name, f), 'utf8')) as Offer;
        if (o.status !== 'deprecated' && o.status !== 'retired')
          out.push({ ...o, id: `${provider}/${org.name}/${f.slice(0, -5)}` });
      }
  return out;
};

test('without JavaScript: the 100 cheapest rows for the default workload and a note', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/pricing/');
  await expect(page.getByText(/need JavaScript/)).toBeVisible();
  await expect(page.locator(ROWS)).toHaveCount(100);
  await expect(page.getByRole('table', { name: /Offerings sorted by monthly cost/ })).toBeVisible();
  await expect(page.locator('#explorer-form')).toBeHidden();
  // The free group first, under its heading, then the paid ranking: never a bare $0.
  const table = await tableData(page);
  expect(table[0]).toEqual({ heading: expect.stringMatching(/^Free/) });
  const paid = table.findIndex((r) => 'heading' in r && /^Paid/.test(r.heading));
  expect(table.slice(1, paid).every((r) => 'cost' in r && r.cost === 'Free')).toBe(true);
  // The free group lists its first few rows, so that the paid ranking stays on the first screen.
  expect(paid).toBeGreaterThan(1);
  expect(paid).toBeLessThanOrEqual(6);
  expect(table[0]).toEqual({ heading: expect.stringMatching(/List every free offering/) });
  const costs = table.slice(paid + 1).map((r) => ('cost' in r ? r.cost : ''));
  expect(
    costs.every((c) => /^\$[\d,.]+$/.test(c) && c !== '$0' && c !== '$0.00'),
    costs.join(' '),
  ).toBe(true);
  await ctx.close();
});

test('a workload and one model: the ranking and the monthly figures match the records', async ({ page }) => {
  const offers = offersOf(MODEL);
  const priced = offers
    .filter(
      (o) => (o.pricing?.billing ?? 'usage') === 'usage' && o.pricing?.input !== undefined && o.pricing.output !== undefined,
    )
    .map((o) => {
      // The workload is below every context tier, and free tiers would change the arithmetic.
      expect(o.pricing!.free_tier, o.id).toBeUndefined();
      expect((o.pricing!.currency ?? 'USD') === 'USD', o.id).toBe(true);
      for (const t of o.pricing!.tiers ?? []) expect(t.above_tokens, o.id).toBeGreaterThanOrEqual(WORKLOAD.in);
      return { id: o.id, provider: o.provider, cost: expectedCost(o.pricing!) };
    })
    .sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : 1));
  expect(priced.length, 'offerings of the model priced by usage').toBeGreaterThan(3);

  await ready(page);
  await page.getByLabel('Requests per month').fill(String(WORKLOAD.req));
  await page.getByLabel('Input tokens per request').fill(String(WORKLOAD.in));
  await page.getByLabel('Output tokens per request').fill(String(WORKLOAD.out));
  await page.getByLabel('Model (id, name or alias)').fill(MODEL);
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await expect(page.locator(ROWS)).toHaveCount(offers.length);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${offers.length} offerings match`));

  const rows = await rowData(page);
  expect(rows.every((r) => r.name.startsWith('Claude Sonnet 4.6'))).toBe(true);
  const paid = rows.filter((r) => /^\$/.test(r.cost));
  expect(paid.map((r) => [r.provider, r.cost])).toEqual(priced.map((p) => [`/providers/${p.provider}/`, usd(p.cost)]));
  // 1,000 × (2,000 × $3 + 500 × $15) / 1M = $13.50 at Anthropic's own list price.
  const anthropic = priced.find((p) => p.id === `anthropic/${MODEL}`)!;
  expect(usd(anthropic.cost)).toBe('$13.50');
  expect(rows.length - paid.length).toBe(offers.length - priced.length);

  // The URL reproduces the view in a fresh page.
  const url = new URL(page.url());
  expect(url.searchParams.get('model')).toBe(MODEL);
  expect(url.searchParams.get('req')).toBe('1000');
  const again = await page.context().newPage();
  await ready(again, url.pathname + url.search);
  await expect(again.getByLabel('Input tokens per request')).toHaveValue(String(WORKLOAD.in));
  await expect(again.getByLabel('Model (id, name or alias)')).toHaveValue(MODEL);
  expect(await rowData(again)).toEqual(rows);

  // Back undoes the model filter, forward brings it back.
  await page.goBack();
  await expect(page.getByLabel('Model (id, name or alias)')).toHaveValue('');
  await expect(page.getByLabel('Output tokens per request')).toHaveValue(String(WORKLOAD.out));
  await expect(page.locator(ROWS)).toHaveCount(100);
  await page.goForward();
  await expect(page.getByLabel('Model (id, name or alias)')).toHaveValue(MODEL);
  await expect(page.locator(ROWS)).toHaveCount(offers.length);
});

test('a model page link prefills the model; a batch workload notes the rows billed without a batch price', async ({ page }) => {
  await ready(page, `/pricing/?model=${encodeURIComponent(MODEL)}&preset=batch-summarisation`);
  await expect(page.getByLabel('Model (id, name or alias)')).toHaveValue(MODEL);
  await expect(page.getByLabel('Preset')).toHaveValue('batch-summarisation');
  await expect(page.getByLabel('Sent by batch (%)')).toHaveValue('100');
  const rows = await rowData(page);
  const offers = offersOf(MODEL).filter((o) => (o.pricing?.billing ?? 'usage') === 'usage' && o.pricing?.input !== undefined);
  // Every offering with token prices is ranked; those without any batch price say so.
  const noBatch = offers.filter((o) => o.pricing!.batch === undefined);
  expect(noBatch.length).toBeGreaterThan(0);
  for (const o of noBatch) {
    const row = rows.find((r) => r.provider === `/providers/${o.provider}/` && /^\$/.test(r.cost));
    expect(row?.note, o.id).toContain('no batch price published');
  }
  expect(rows.some((r) => r.cost === 'Not computable' && r.detail === 'no batch price')).toBe(false);
});

test('sortable headers: buttons with aria-sort, kept in the URL', async ({ page }) => {
  await ready(page);
  const input = page.getByRole('columnheader', { name: 'Input' });
  await expect(page.getByRole('columnheader', { name: 'Monthly cost' })).toHaveAttribute('aria-sort', 'ascending');
  await input.getByRole('button').click();
  await expect(input).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=input/);
  await input.getByRole('button').press('Enter');
  await expect(input).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=input&dir=desc/);
  const first = await page.locator('#explorer-rows tr').first().locator('td').nth(2).textContent();
  expect(Number(first!.replace(/[$,]/g, ''))).toBeGreaterThan(10);
  await page.getByRole('button', { name: /Show 100 more/ }).click();
  await expect(page.locator('#explorer-rows tr')).toHaveCount(200);
});

test('filters narrow the rows; reset restores the default view', async ({ page }) => {
  await ready(page);
  await page.getByLabel('Provider kind').selectOption('first-party');
  await page.getByRole('checkbox', { name: 'Batch API', exact: true }).check();
  await expect(page).toHaveURL(/kind=first-party&feat=batch/);
  // The rows follow the URL once the deferred price index is ready (src/components/pricing/explorer-load.ts).
  await expect.poll(() => page.locator(ROWS).count()).toBeLessThan(100);
  expect(await page.locator(ROWS).count()).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect(page).toHaveURL(/\/pricing\/$/);
  await expect(page.locator(ROWS)).toHaveCount(100);
});

test('the chart of the cheapest options is server-drawn SVG with a labelled bar per offering, and follows the workload', async ({
  page,
}) => {
  const js: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') js.push(r.url());
  });
  await ready(page);
  const chart = page.locator('cost-chart');
  const bars = async () =>
    (
      await chart
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[1]!.textContent]))
    ).map(([label, text]) => `${label} ${text}`);
  // Every bar of the table is drawn, labelled and valued, in the same order, widths following the costs.
  const check = async () => {
    const table = await bars();
    expect(table.length).toBeGreaterThan(0);
    const drawn = await chart.locator('svg g').evaluateAll((gs) =>
      gs.map((g) => ({
        text: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '),
        width: g.querySelector('rect')!.getBBox().width,
      })),
    );
    expect(drawn.map((d) => d.text)).toEqual(table);
    for (let i = 1; i < drawn.length; i++) expect(drawn[i]!.width).toBeGreaterThanOrEqual(drawn[i - 1]!.width);
  };
  await expect(chart.locator('tbody tr')).toHaveCount(10);
  await check();
  const before = await bars();
  await page.getByLabel('Output tokens per request').fill('20000');
  await expect.poll(bars).not.toEqual(before);
  await check();
  await chart.scrollIntoViewIfNeeded();
  expect(js.filter((u) => /chart/i.test(u) && !/cost-chart|PricingChart|svg-chart(-dom)?\.[\w-]+\.js$/.test(u))).toEqual([]);
});

test('at 390 px every offering is a card: monthly cost, input and output price first, nothing wider than the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ready(page);
  const cards = page.locator('#explorer-rows tr:not(.group)');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (const i of [0, count - 1]) {
    const card = cards.nth(i);
    await card.scrollIntoViewIfNeeded();
    expect(await card.evaluate((e) => getComputedStyle(e).display)).toBe('grid');
    // Reading order on screen (top to bottom, then left to right) of the labelled cells shown.
    const shown = await card.locator('td[data-label]').evaluateAll((tds) =>
      tds
        .map((t) => ({ label: (t as HTMLElement).dataset.label!, box: t.getBoundingClientRect() }))
        .filter((t) => t.box.width > 0)
        .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
        .map((t) => ({ label: t.label, right: t.box.right })),
    );
    expect(shown.slice(0, 3).map((t) => t.label)).toEqual(['Monthly cost', 'Input / 1M', 'Output / 1M']);
    for (const t of shown) expect(t.right, t.label).toBeLessThanOrEqual(390);
  }
  const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  expect(w).toBeLessThanOrEqual(h);
});

const LLAMA = 'meta/llama-3.3-70b';
/** 50M input + 10M output tokens a month, 30% of the input cached, over 100,000 requests. */
const MONTHLY = { req: 100_000, tin: 50_000_000, tout: 10_000_000, cached: 0.3 };
const MONTHLY_QUERY = `req=${MONTHLY.req}&tin=${MONTHLY.tin}&tout=${MONTHLY.tout}&cached=${MONTHLY.cached}&batch=0`;

test('the cache rule: cached input without a cache-read price is billed at the input price, noted, and ranked', async ({
  page,
}) => {
  const offers = offersOf(LLAMA);
  const priced = offers
    .filter(
      (o) => (o.pricing?.billing ?? 'usage') === 'usage' && o.pricing?.input !== undefined && o.pricing.output !== undefined,
    )
    .map((o) => {
      const p = o.pricing!;
      expect(p.free_tier, o.id).toBeUndefined();
      expect(p.tiers, o.id).toBeUndefined();
      expect(p.currency ?? 'USD', o.id).toBe('USD');
      // tokens × USD per 1M / 1M: the uncached 70% at the input price, the cached 30% at the cache-read price, else the input price.
      const cost =
        (MONTHLY.tin * (1 - MONTHLY.cached) * p.input! +
          MONTHLY.tin * MONTHLY.cached * (p.cache_read ?? p.input!) +
          MONTHLY.tout * p.output!) /
          1_000_000 +
        MONTHLY.req * (p.per_request ?? 0);
      return { id: o.id, provider: o.provider, cost, noCache: p.cache_read === undefined };
    })
    .sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : 1));
  expect(priced.filter((p) => p.noCache).length).toBeGreaterThan(10);

  await ready(page, `/pricing/?${MONTHLY_QUERY}&model=${LLAMA}`);
  const paidRows = (await rowData(page)).filter((r) => /^\$/.test(r.cost));
  expect(paidRows.map((r) => r.provider)).toEqual(priced.map((p) => `/providers/${p.provider}/`));
  // Each figure within half a cent (the engine and this sum may round the last float bit apart).
  paidRows.forEach((r, i) =>
    expect(Math.abs(Number(r.cost.replace(/[$,]/g, '')) - priced[i]!.cost), priced[i]!.id).toBeLessThanOrEqual(0.005 + 1e-9),
  );
  expect(paidRows.map((r) => r.note === 'no cache discount published')).toEqual(priced.map((p) => p.noCache));
  expect(paidRows.some((r) => /Not computable/.test(r.cost))).toBe(false);
  // The answer to "the cheapest Llama 3.3 70B at this volume".
  console.log(`cheapest ${LLAMA}: ${priced[0]!.id} ${usd(priced[0]!.cost)}`);
});

test('free offerings form their own group, first, under its heading', async ({ page }) => {
  const free = offersOf(LLAMA).filter((o) => o.pricing?.billing === 'free');
  expect(free.length).toBeGreaterThan(0);
  await ready(page, `/pricing/?${MONTHLY_QUERY}&model=${LLAMA}`);
  const table = await tableData(page);
  expect(table[0]).toEqual({ heading: expect.stringMatching(/^Free/) });
  const freeRows = table.slice(1, 1 + free.length);
  expect(freeRows.map((r) => ('cost' in r ? r.cost : r.heading))).toEqual(free.map(() => 'Free'));
  expect(freeRows.map((r) => ('provider' in r ? r.provider : '')).sort()).toEqual(
    free.map((o) => `/providers/${o.provider}/`).sort(),
  );
  expect(table[1 + free.length]).toEqual({ heading: expect.stringMatching(/^Paid/) });
  expect(table.slice(2 + free.length).some((r) => 'cost' in r && r.cost === 'Free')).toBe(false);
});

test('subscription billing is never ranked as $0: its own group with the reason', async ({ page }) => {
  const sub = allOffers().find((o) => o.pricing?.billing === 'subscription' && o.model !== undefined)!;
  const model = sub.model!;
  const subs = offersOf(model).filter((o) => o.pricing?.billing === 'subscription');
  await ready(page, `/pricing/?model=${encodeURIComponent(model)}`);
  const table = await tableData(page);
  const unranked = table.findIndex((r) => 'heading' in r && /^Not ranked/.test(r.heading));
  expect(unranked, 'the "Not ranked" heading').toBeGreaterThan(-1);
  for (const o of subs) {
    const at = table.findIndex((r) => 'provider' in r && r.provider === `/providers/${o.provider}/` && r.cost === 'Subscription');
    expect(at, o.id).toBeGreaterThan(unranked);
  }
  expect(table.slice(unranked + 1).every((r) => 'cost' in r && !/^\$/.test(r.cost))).toBe(true);
});

test('the model filter matches the exact model; part of the name only when asked', async ({ page }) => {
  const gpt4o = offersOf('openai/gpt-4o');
  await ready(page, '/pricing/?model=gpt-4o');
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${gpt4o.length} offerings? match`));
  const names = (await rowData(page)).map((r) => r.name);
  expect(names.length).toBe(Math.min(100, gpt4o.length));
  expect(names.some((n) => /mini/i.test(n))).toBe(false);
  // Suggestions: exact ids, with names and aliases, built on the field's first focus.
  expect(await page.locator('#explorer-models option').count()).toBe(0);
  await page.getByLabel('Model (id, name or alias)').focus();
  await expect(page.locator('#explorer-models option[value="openai/gpt-4o"]')).toHaveAttribute(
    'label',
    /GPT-4o.*also:.*gpt-4o-2024-08-06/,
  );
  await page.getByLabel('Match part of the name').check();
  await expect(page).toHaveURL(/model=gpt-4o&part=1/);
  await expect(page.getByRole('status')).not.toHaveText(new RegExp(`^${gpt4o.length} offerings? match`));
  const partNames = (await rowData(page)).map((r) => r.name);
  expect(partNames.some((n) => /GPT-4o mini/.test(n))).toBe(true);
  await page.getByLabel('Match part of the name').uncheck();
  await page.getByLabel('Model (id, name or alias)').fill('gpt-4o min');
  await expect(page.getByRole('status')).toHaveText(/^0 offerings match\. No model is named exactly “gpt-4o min”/);
});

test('volume as tokens per month: entered in the form, kept in the URL, and round-trips', async ({ page }) => {
  await ready(page);
  await page.getByLabel('Volume given as').selectOption('month');
  await expect(page.getByLabel('Input tokens per request')).toBeHidden();
  await page.getByLabel('Input tokens per month').fill(String(MONTHLY.tin));
  await page.getByLabel('Output tokens per month').fill(String(MONTHLY.tout));
  await page.getByLabel('Cached input (%)').fill('30');
  await page.getByLabel('Model (id, name or alias)').fill(LLAMA);
  await expect(page).toHaveURL(new RegExp(`\\?${MONTHLY_QUERY.replace(/\./g, '\\.')}&model=${LLAMA}$`));
  const rows = await rowData(page);
  const again = await page.context().newPage();
  await ready(again, new URL(page.url()).pathname + new URL(page.url()).search);
  await expect(again.getByLabel('Volume given as')).toHaveValue('month');
  await expect(again.getByLabel('Input tokens per month')).toHaveValue(String(MONTHLY.tin));
  await expect(again.getByLabel('Output tokens per month')).toHaveValue(String(MONTHLY.tout));
  expect(await rowData(again)).toEqual(rows);
  // The same volume per request gives the same costs: 50M / 100,000 = 500 input, 100 output tokens.
  const perRequest = await page.context().newPage();
  await ready(perRequest, `/pricing/?req=${MONTHLY.req}&in=500&out=100&cached=0.3&batch=0&model=${LLAMA}`);
  expect(await rowData(perRequest)).toEqual(rows);
});
