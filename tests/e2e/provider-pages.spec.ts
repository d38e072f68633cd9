/**
 * The providers index and the five pages of a provider, on the production build, for providers
 * of each kind: openai (first-party), amazon-bedrock (cloud), openrouter (gateway), groq (inference).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from '../support/site.ts';
import { parseCsv } from '../support/csv-export-parse.ts';

const KINDS = {
  openai: 'First-party lab',
  'amazon-bedrock': 'Cloud platform',
  openrouter: 'Gateway',
  groq: 'Inference host',
} as const;
const PROVIDERS = Object.keys(KINDS) as (keyof typeof KINDS)[];
const TABS = [
  ['', 'Overview', 'provider'],
  ['models/', 'Models', 'provider-models'],
  ['pricing/', 'Pricing', 'provider-pricing'],
  ['limits/', 'Limits', 'provider-limits'],
  ['features/', 'Features', 'provider-features'],
] as const;

/** Undo the CSV's formula guard: a leading ' before = + - @. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const tableCells = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluate((t: HTMLTableElement) => [
      [...t.tHead!.rows[0]!.cells].map((c) => c.textContent!.trim()),
      ...[...t.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim())),
    ]);
const columnTexts = (page: Page, selector: string, index: number) =>
  page
    .locator(selector)
    .evaluate(
      (t: HTMLTableElement, i) => [...t.tBodies[0]!.rows].filter((r) => !r.hidden).map((r) => r.cells[i]!.textContent!.trim()),
      index,
    );
const money = (s: string) => (/^\$[\d,.]+$/.test(s) ? Number(s.slice(1).replace(/,/g, '')) : undefined);

test.describe('providers index', () => {
  test('is one complete table without JS, filters hidden', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto('/providers/?kind=gateway');
    const n = builtPages().filter((p) => p.type === 'provider').length;
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(n + 1);
    await expect(page.locator('main form')).toBeHidden();
    for (const id of PROVIDERS)
      await expect(page.getByRole('row').filter({ has: page.locator(`a[href="/providers/${id}/"]`) })).toContainText(KINDS[id]);
    await ctx.close();
  });

  test('sorts by a column, both ways, with aria-sort', async ({ page }) => {
    await page.goto('/providers/');
    const header = page.getByRole('columnheader', { name: 'Models' });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const up = (await columnTexts(page, 'table', 3)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await header.getByRole('button').press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const down = (await columnTexts(page, 'table', 3)).map(Number);
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
  });

  test('filters from the URL, and writes filter changes back to it', async ({ page }) => {
    await page.goto('/providers/?kind=gateway');
    await expect(page.getByLabel('Kind')).toHaveValue('gateway');
    const kinds = await columnTexts(page, 'table', 1);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Gateway']));
    await expect(page.getByRole('link', { name: 'OpenRouter', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'OpenAI', exact: true })).toBeHidden();
    await page.getByLabel('Kind').selectOption('cloud');
    await page.getByRole('checkbox', { name: 'Batch API' }).check();
    await expect(page).toHaveURL(/kind=cloud/);
    await expect(page).toHaveURL(/feature=batch/);
    await expect(page.getByRole('link', { name: 'Amazon Bedrock', exact: true })).toBeVisible();
    await expect(page.locator('form output')).toHaveText(/^Showing \d+ of \d+$/);
    await page.goto('/providers/?compliance=fedramp-high');
    await expect(page.getByRole('link', { name: 'Amazon Bedrock', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Groq', exact: true })).toBeHidden();
  });
});

for (const id of PROVIDERS) {
  test.describe(`${id} (${KINDS[id]})`, () => {
    test('five tabs: real URLs, one layout, distinct titles, descriptions and page types', async ({ page }) => {
      const titles = new Set<string>();
      for (const [path, label, type] of TABS) {
        await page.goto(`/providers/${id}/${path}`);
        await expect(page.locator('html')).toHaveAttribute('data-page-type', type);
        await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Providers' })).toBeVisible();
        await expect(page.getByRole('navigation', { name: /sections$/ }).getByRole('link', { name: label })).toHaveAttribute(
          'aria-current',
          'page',
        );
        await expect(page.locator('.ph')).toContainText(KINDS[id]);
        titles.add(await page.title());
        expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
        // Only table enhancements and the site script (copy button, lazy islands: search box, round-trip button) ship JS, as files.
        const scripts = await page
          .locator('script')
          .evaluateAll((els) => els.map((e) => [e.getAttribute('src') ?? '', e.textContent ?? '']));
        for (const [src, text] of scripts) {
          expect(src).toMatch(/^\/_astro\/((SortableTable|PriceTable|Base)\.astro_astro_type_script|theme-init-)/);
          expect(text).toBe('');
        }
      }
      expect(titles.size).toBe(TABS.length);
    });

    test('overview: API base URL with a working copy button, facts and sources', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`/providers/${id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      for (const h of ['What it serves', 'API and identity', 'Data policy', 'Platform features', 'Sources'])
        await expect(page.getByRole('heading', { name: h })).toBeVisible();
      await expect(page.getByText(/Last verified: \d+ \w+ \d{4}/)).toBeVisible();
      // The API base URL is the first copyable code on the page (regional endpoints follow, in "Regions and residency").
      const base = page.locator('copy-button code').first();
      if ((await page.locator('copy-button code').count()) > 0) {
        const url = (await base.textContent())!;
        const copy = page.getByRole('button', { name: `Copy ${url}` }).first();
        await copy.click();
        await expect(copy).toHaveText('Copied');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
      }
    });

    test('pricing: the CSV downloads hold exactly what the table shows, in both units', async ({ page }) => {
      await page.goto(`/providers/${id}/pricing/`);
      for (const [unit, link] of [
        ['1m', 'prices per 1M tokens'],
        ['1k', 'per 1K tokens'],
      ] as const) {
        if (unit === '1k') await page.getByRole('radio', { name: '1K tokens' }).check();
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: link }).click();
        const csv = parseCsv(readFileSync(await (await download).path(), 'utf8')).map((r) => r.map(unguard));
        expect(csv).toEqual(await tableCells(page, '#prices'));
      }
    });

    test('readable on a 360 px phone: no page-wide horizontal scroll on any tab', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      for (const [path] of TABS) {
        await page.goto(`/providers/${id}/${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      }
    });
  });
}

test('overview of a gateway: routing facts and upstream providers', async ({ page }) => {
  await page.goto('/providers/openrouter/');
  await expect(page.getByRole('heading', { name: 'Routing' })).toBeVisible();
  await expect(page.getByText('Bring your own key')).toBeVisible();
  const upstreams = page.locator('dt:has-text("Upstream providers") + dd a');
  expect(await upstreams.count()).toBeGreaterThan(0);
  await upstreams.first().click();
  await expect(page.locator('html')).toHaveAttribute('data-page-type', 'provider');
});

test('overview of a cloud: regions and compliance badges; no routing section', async ({ page }) => {
  await page.goto('/providers/amazon-bedrock/');
  await expect(page.locator('dt:has-text("Regions") + dd')).toContainText('Europe (Frankfurt)');
  await expect(page.locator('dt:has-text("Compliance") + dd li').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Routing' })).toHaveCount(0);
});

test('models: grouped by creator, ids copyable, filter box driven by the URL', async ({ page }) => {
  await page.goto('/providers/amazon-bedrock/models/');
  const groups = page.locator('section[data-group] h2');
  expect(await groups.count()).toBeGreaterThan(2);
  await expect(
    page
      .locator('section[data-group]')
      .first()
      .getByRole('button', { name: /^Copy / })
      .first(),
  ).toBeVisible();
  await page.goto('/providers/amazon-bedrock/models/?q=llama');
  await expect(page.getByRole('searchbox', { name: 'Filter models' })).toHaveValue('llama');
  const visible = await page.locator('section[data-group]:visible tbody tr:visible').allTextContents();
  expect(visible.length).toBeGreaterThan(0);
  for (const t of visible) expect(t.toLowerCase()).toContain('llama');
  await expect(page.locator('section#g-anthropic')).toBeHidden();
  await page.getByRole('searchbox', { name: 'Filter models' }).fill('claude');
  await expect(page).toHaveURL(/q=claude/);
  await expect(page.locator('section#g-anthropic')).toBeVisible();
});

test('models: the largest provider stays usable (groups, jump links, filter)', async ({ page }) => {
  const largest = builtPages()
    .filter((p) => p.type === 'provider-models')
    .map((p) => ({ url: p.url, n: (p.html.match(/<tr>/g) ?? []).length }))
    .sort((a, b) => b.n - a.n)[0]!;
  await page.goto(largest.url);
  await expect(page.getByRole('navigation', { name: 'Creators' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter models' }).fill('zzzz-no-such-model');
  await expect(page.locator('form output')).toHaveText(/^Showing 0 of /);
  await expect(page.locator('section[data-group]:visible')).toHaveCount(0);
});

test('pricing: the per-1K toggle converts token prices, headers and the URL, not per-unit prices', async ({ page }) => {
  await page.goto('/providers/openai/pricing/');
  const row = page
    .getByRole('row', { name: /GPT-4o mini/ })
    .filter({ hasText: 'gpt-4o-mini' })
    .first();
  const input = row.getByRole('cell').nth(1);
  const perM = money((await input.textContent())!)!;
  expect(perM).toBeGreaterThan(0);
  await expect(page.getByRole('columnheader', { name: 'Input / 1M', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: '1K tokens' }).check();
  await expect(page.getByRole('columnheader', { name: 'Input / 1K', exact: true })).toBeVisible();
  expect(money((await input.textContent())!)).toBeCloseTo(perM / 1000, 12);
  await expect(page.locator('caption')).toContainText('per 1K tokens');
  await expect(page).toHaveURL(/unit=1k/);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Input / 1K', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: '1M tokens' }).check();
  expect(money((await input.textContent())!)).toBe(perM);
});

test('pricing: sorts by input price, "not published" last, and shows context tiers', async ({ page }) => {
  await page.goto('/providers/anthropic/pricing/');
  await expect(page.getByRole('cell', { name: /above 200K tokens: input \$/ }).first()).toBeVisible();
  await page.getByRole('columnheader', { name: 'Input / 1M', exact: true }).getByRole('button').click();
  const texts = await columnTexts(page, '#prices', 2);
  const nums = texts.map(money).filter((v) => v !== undefined);
  expect(nums).toEqual([...nums].sort((a, b) => a - b));
  expect(texts.slice(nums.length).every((t) => money(t) === undefined)).toBe(true);
  await expect(page).toHaveURL(/sort=input/);
});

test('pricing: offerings without a usage price read their billing or "not published", never $0', async ({ page }) => {
  await page.goto('/providers/openrouter/pricing/');
  const rows = await page
    .locator('#prices tbody tr')
    .evaluateAll((trs) => trs.map((r) => [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent!.trim())));
  const free = rows.filter((cells) => cells.includes('free'));
  expect(free.length).toBeGreaterThan(0);
  for (const cells of free) expect(cells.filter((c) => /^\$0(\.0+)?$/.test(c))).toEqual([]);
  expect(rows.flat()).toContain('not published');
  await expect(page.getByText('How the blended price is computed')).toBeVisible();
});

test('limits: tiers where published; "not published" for a provider with no rate-limit data', async ({ page }) => {
  await page.goto('/providers/amazon-bedrock/limits/');
  await expect(page.getByText('Rate-limit tiers: not published.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Token limits/ })).toBeVisible();
  await page.goto('/providers/groq/limits/');
  const tiers = page.getByRole('table', { name: /rate-limit tiers/ });
  await expect(tiers.getByRole('columnheader', { name: 'How to qualify' })).toBeVisible();
  expect(await tiers.locator('tbody tr').count()).toBeGreaterThan(0);
});

test('features: yes, no and unknown are three visible states with words, and totals add up', async ({ page }) => {
  await page.goto('/providers/openai/features/');
  const table = page.locator('table.ft');
  const logprobs = (await table.locator('thead th').allTextContents()).indexOf('Logprobs');
  const states = await columnTexts(page, 'table.ft', logprobs);
  expect(states).toContain('✗ no');
  expect(states).toContain('? unknown');
  const totals = await table
    .locator('tfoot tr')
    .evaluateAll((trs, i) => trs.map((r) => Number(r.children[i]!.textContent)), logprobs);
  expect(totals).toEqual(['✓ yes', '✗ no', '? unknown'].map((s) => states.filter((x) => x === s).length));
  // The unknown state is not told apart by colour alone: it has its own symbol and word.
  await expect(table.locator('td', { hasText: '? unknown' }).first()).toBeVisible();
});
