/**
 * Site search on the production build: the header box's instant results (name index; more in
 * instant-search.spec.ts) and the full-text /search/ page (Pagefind): ranking, filters, no-JS form, lazy loading, axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Query → the page that must be the first instant result in the header box. */
const TOP: [string, string][] = [
  ['claude sonnet 4.5', '/models/anthropic/claude-sonnet-4.5/'],
  ['gpt-4o mini', '/models/openai/gpt-4o-mini/'],
  ['llama 3.3 70b', '/models/meta/llama-3.3-70b/'],
  ['gemini 2.5 pro', '/models/google/gemini-2.5-pro/'],
  ['gemini 2.5 flash', '/models/google/gemini-2.5-flash/'],
  ['gpt-4.1', '/models/openai/gpt-4.1/'],
  ['claude opus 4.1', '/models/anthropic/claude-opus-4.1/'],
  // A provider's model id, and aliases.
  ['llama-3.3-70b-versatile', '/models/meta/llama-3.3-70b/'],
  ['claude-sonnet-4-5-20250929', '/models/anthropic/claude-sonnet-4.5/'],
  ['gpt-4o-mini-2024-07-18', '/models/openai/gpt-4o-mini/'],
  // Providers by name.
  ['groq', '/providers/groq/'],
  ['openrouter', '/providers/openrouter/'],
  ['cerebras', '/providers/cerebras/'],
  ['together ai', '/providers/togetherai/'],
  ['amazon bedrock', '/providers/amazon-bedrock/'],
  ['deep infra', '/providers/deepinfra/'],
  ['anthropic', '/providers/anthropic/'],
  // A family (a generation of the curated hierarchy, by its readable name).
  ['claude 4.5 family', '/families/claude-4.5/'],
];

const DATA = join(import.meta.dirname, '..', '..', 'data');
const read = (rel: string) => parse(readFileSync(join(DATA, rel), 'utf8')) as { name: string; family?: string };
/** The readable name of a model's family, from the records. */
const familyName = (model: string) => read(`families/${read(`models/${model}.yaml`).family}.yaml`).name;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The header field: a search box, which the island makes a combobox on first focus. */
const box = (page: Page) => page.getByLabel('Search models, providers, families and creators', { exact: true });
const results = (page: Page) => page.locator('#site-search-list [role="option"]');
const pageResults = (page: Page) => page.locator('.page-results a');

const type = async (page: Page, q: string) => {
  await box(page).fill(q);
  await expect(page.locator('#site-search-status')).toContainText(/match/);
};

test('no search bytes on page load; the name index, the box code and its styles load on first use, Pagefind never', async ({
  page,
}) => {
  const fetched: string[] = [];
  const search = (u: string) => /^\/pagefind\/|^\/_astro\/search-|^\/search\/names\.json$/.test(new URL(u).pathname);
  page.on('request', (r) => void (search(r.url()) && fetched.push(new URL(r.url()).pathname)));
  await page.goto('/providers/groq/', { waitUntil: 'networkidle' });
  expect(fetched).toEqual([]);
  await type(page, 'groq');
  expect(fetched).toContain('/search/names.json');
  expect(fetched.some((p) => /^\/_astro\/search-box.*\.js$/.test(p))).toBe(true);
  expect(fetched.some((p) => /^\/_astro\/search-results.*\.css$/.test(p))).toBe(true);
  expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  await expect(results(page).first()).toHaveCSS('display', 'block');
});

test("excerpts keep a page's facts apart (label, space, value)", async ({ page }) => {
  await page.goto('/search/?q=nemotron');
  await expect(pageResults(page).first()).toBeVisible();
  const excerpts = (await page.locator('.page-results .r-excerpt').allTextContents()).join(' ');
  expect(excerpts).toMatch(/Creator \S/);
  expect(excerpts).not.toMatch(/\b(Creator|Family|Status|Released|Context window)(?=[^\s.])/);
});

test('top instant result of each query (one page)', async ({ page }) => {
  await page.goto('/');
  for (const [q, url] of TOP) {
    await box(page).fill(q);
    await expect(results(page).first(), q).toHaveAttribute('href', url);
  }
});

test('an instant result shows its name, kind, creator and providers', async ({ page }) => {
  await page.goto('/');
  await type(page, 'claude sonnet 4.5');
  const first = results(page).first();
  await expect(first.locator('.r-title')).toHaveText(read('models/anthropic/claude-sonnet-4.5.yaml').name);
  await expect(first.locator('.r-facts')).toHaveText(/^Model · Anthropic · \d+ providers$/);
});

test('a full-text result shows its kind, facts and the highlighted match', async ({ page }) => {
  await page.goto('/search/?q=claude+sonnet+4.5');
  const first = pageResults(page).first();
  await expect(first.locator('.r-title')).toHaveText('Claude Sonnet 4.5');
  await expect(first.locator('.r-facts')).toHaveText(
    new RegExp(
      `^Model · Anthropic · ${escape(familyName('anthropic/claude-sonnet-4.5'))} · [\\d.]+[KM] context · from \\$[\\d.]+ / 1M tokens · \\d+ providers$`,
    ),
  );
  await expect(first.locator('mark').first()).toBeVisible();
});

test('"/" focuses the header box, but stays in another field where it is typed', async ({ page }) => {
  await page.goto('/models/');
  await page.locator('body').press('/');
  await expect(box(page)).toBeFocused();
  await page.goto('/search/');
  await page.getByLabel('Search for', { exact: true }).fill('a/b');
  await expect(page.getByLabel('Search for', { exact: true })).toHaveValue('a/b');
});

test('filtered and sorted search on /search/, state in the URL', async ({ page }) => {
  await page.goto('/search/?q=llama&kind=model&creator=Meta&sort=price-asc');
  await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('model');
  await expect(page.getByLabel('Creator', { exact: true })).toHaveValue('Meta');
  const list = page.locator('.page-results a');
  await expect(list.first()).toBeVisible();
  const facts = await page.locator('.page-results .r-facts').allTextContents();
  expect(facts.length).toBeGreaterThan(3);
  for (const f of facts) expect(f).toMatch(/^Model · Meta · /);
  const prices = facts.map((f) => Number(/from \$([\d.]+)/.exec(f)?.[1]));
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
  await page.getByLabel('Open weights', { exact: true }).selectOption('Yes');
  await expect(page).toHaveURL(/open=Yes/);
  await page.getByLabel('Kind', { exact: true }).selectOption('provider');
  await page.getByLabel('Creator', { exact: true }).selectOption('');
  await page.getByLabel('Open weights', { exact: true }).selectOption('');
  await page.getByLabel('Sort', { exact: true }).selectOption('relevance');
  await page.getByLabel('Search for', { exact: true }).fill('groq');
  await expect(page).toHaveURL(/\?q=groq&kind=provider$/);
  await expect(list.first()).toHaveAttribute('href', '/providers/groq/');
  await expect(page.locator('.page-results .r-facts').first()).toHaveText(/^Provider/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the header form submits to /search/?q=…', async ({ page }) => {
    await page.goto('/providers/');
    await box(page).fill('claude sonnet');
    await box(page).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=claude\+sonnet$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    expect(await page.content()).toContain('Search runs in your browser and needs JavaScript');
  });
});

test('only one page per entity is indexed', async ({ page }) => {
  await page.goto('/search/?q=groq');
  await expect(pageResults(page).first()).toBeVisible();
  const hrefs = await pageResults(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => h?.startsWith('/providers/groq/'))).toEqual(['/providers/groq/']);
  expect(hrefs.filter((h) => /^\/(models\/page|providers\/$)/.test(h ?? ''))).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe clean with the results open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await type(page, 'llama');
    await expect(results(page).first()).toBeVisible();
    const r = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.goto('/search/?q=gemini&kind=model');
    await expect(page.locator('.page-results a').first()).toBeVisible();
    const r2 = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(r2.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}
