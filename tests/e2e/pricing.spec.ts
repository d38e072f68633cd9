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
  status?: string;
  pricing?: {
    billing?: string;
    currency?: string;
    input?: number;
    output?: number;
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
const rowData = (page: Page) =>
  page.locator('#explorer-rows tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('th')?.textContent?.trim() ?? '',
      provider: tr.querySelector('td a')?.getAttribute('href') ?? '',
      cost: tr.querySelector('.cost .figure')?.textContent ?? '',
      detail: tr.querySelector('.cost .detail')?.textContent ?? '',
    })),
  );

test('without JavaScript: the 100 cheapest rows for the default workload and a note', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/pricing/');
  await expect(page.getByText(/need JavaScript/)).toBeVisible();
  await expect(page.locator('#explorer-rows tr')).toHaveCount(100);
  await expect(page.getByRole('table', { name: /Offerings sorted by monthly cost/ })).toBeVisible();
  await expect(page.locator('#explorer-form')).toBeHidden();
  const costs = await page.locator('#explorer-rows .cost .figure').allTextContents();
  expect(
    costs.every((c) => /^\$[\d,.]+$/.test(c) && c !== '$0'),
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
  await page.getByLabel('Model (id or name)').fill(MODEL);
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await expect(page.locator('#explorer-rows tr')).toHaveCount(offers.length);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${offers.length} offerings match`));

  const rows = await rowData(page);
  expect(rows.every((r) => r.name.startsWith('Claude Sonnet 4.6'))).toBe(true);
  expect(rows.slice(0, priced.length).map((r) => [r.provider, r.cost])).toEqual(
    priced.map((p) => [`/providers/${p.provider}/`, usd(p.cost)]),
  );
  // 1,000 × (2,000 × $3 + 500 × $15) / 1M = $13.50 at Anthropic's own list price.
  const anthropic = priced.find((p) => p.id === `anthropic/${MODEL}`)!;
  expect(usd(anthropic.cost)).toBe('$13.50');
  expect(rows.slice(priced.length).every((r) => !/^\$/.test(r.cost))).toBe(true);

  // The URL reproduces the view in a fresh page.
  const url = new URL(page.url());
  expect(url.searchParams.get('model')).toBe(MODEL);
  expect(url.searchParams.get('req')).toBe('1000');
  const again = await page.context().newPage();
  await ready(again, url.pathname + url.search);
  await expect(again.getByLabel('Input tokens per request')).toHaveValue(String(WORKLOAD.in));
  await expect(again.getByLabel('Model (id or name)')).toHaveValue(MODEL);
  expect(await rowData(again)).toEqual(rows);

  // Back undoes the model filter, forward brings it back.
  await page.goBack();
  await expect(page.getByLabel('Model (id or name)')).toHaveValue('');
  await expect(page.getByLabel('Output tokens per request')).toHaveValue(String(WORKLOAD.out));
  await expect(page.locator('#explorer-rows tr')).toHaveCount(100);
  await page.goForward();
  await expect(page.getByLabel('Model (id or name)')).toHaveValue(MODEL);
  await expect(page.locator('#explorer-rows tr')).toHaveCount(offers.length);
});

test('a model page link prefills the model; a batch workload says which rows have no batch price', async ({ page }) => {
  await ready(page, `/pricing/?model=${encodeURIComponent(MODEL)}&preset=batch-summarisation`);
  await expect(page.getByLabel('Model (id or name)')).toHaveValue(MODEL);
  await expect(page.getByLabel('Preset')).toHaveValue('batch-summarisation');
  await expect(page.getByLabel('Sent by batch (%)')).toHaveValue('100');
  const rows = await rowData(page);
  const firstUnpriced = rows.findIndex((r) => !/^\$/.test(r.cost));
  expect(firstUnpriced).toBeGreaterThan(0);
  expect(rows.slice(firstUnpriced).every((r) => !/^\$/.test(r.cost))).toBe(true);
  expect(rows.some((r) => r.cost === 'Not computable' && r.detail === 'no batch price')).toBe(true);
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
  const n = await page.locator('#explorer-rows tr').count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(100);
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect(page).toHaveURL(/\/pricing\/$/);
  await expect(page.locator('#explorer-rows tr')).toHaveCount(100);
});

test('the chart of the cheapest options draws when scrolled into view', async ({ page }) => {
  await ready(page);
  const chart = page.locator('cost-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute('data-drawn', '');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.locator('tbody tr')).toHaveCount(10);
});
