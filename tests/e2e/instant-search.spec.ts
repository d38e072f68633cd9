/**
 * Instant search in the header box (src/components/search/search-box.ts) on the production build:
 * nothing loads before the first focus, which makes the field a combobox; a typo finds the record; listbox ARIA; arrows and
 * Enter open a result; Escape closes; "All results" leads to the full-text /search/. Names come from data/.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const nameOf = (rel: string) => (parse(readFileSync(join(DATA, rel), 'utf8')) as { name: string }).name;

/** The header field: a search box, which the island makes a combobox on first focus. */
const box = (page: Page) => page.getByLabel('Search models, providers, families and creators', { exact: true });
const options = (page: Page) => page.locator('#site-search-list [role="option"]');
/** The box's own files: its code and styles (under /_astro/) and the name index. */
const isBoxFile = (url: string) => /^\/search\/names\.json$|^\/_astro\/search-(box|results)/.test(new URL(url).pathname);

test('nothing loads before focus; a typo finds the record; arrows and Enter open it', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => void (isBoxFile(r.url()) && fetched.push(new URL(r.url()).pathname)));
  await page.goto('/providers/groq/', { waitUntil: 'networkidle' });
  expect(fetched).toEqual([]);
  await expect(page.getByRole('searchbox', { name: /Search models, providers/ })).toBeVisible();

  await box(page).focus();
  await expect(page.getByRole('combobox', { name: /Search models, providers/ })).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.type('antropic');
  const anthropic = nameOf('providers/anthropic.yaml');
  await expect(options(page).filter({ hasText: anthropic }).first()).toBeVisible();
  expect(fetched).toContain('/search/names.json');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#site-search-status')).toHaveText(/^\d+ match(es)?/);
  const hrefs = await options(page).evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('/providers/anthropic/');

  // "lama 3.3": the Llama 3.3 70B model among the first three.
  await box(page).fill('lama 3.3');
  const llama = nameOf('models/meta/llama-3.3-70b.yaml');
  await expect(options(page).first()).toBeVisible();
  const top = await options(page).evaluateAll((as) => as.slice(0, 3).map((a) => a.querySelector('.r-title')?.textContent));
  expect(top).toContain(llama);
  const at = top.indexOf(llama);

  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  const active = options(page).nth(at);
  await expect(active).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
  await expect(box(page)).toBeFocused();
  await expect(page.locator('#site-search-list [aria-selected="true"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/models\/meta\/llama-3\.3-70b\/$/);
});

test('Escape closes and keeps the query; "All results" goes to the full-text search', async ({ page }) => {
  await page.goto('/');
  await page.locator('body').press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('groq');
  const groq = nameOf('providers/groq.yaml');
  await expect(options(page).first()).toHaveAttribute('href', '/providers/groq/');
  await expect(options(page).first().locator('.r-title')).toHaveText(groq);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.locator('#site-search-results')).toBeHidden();
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(box(page)).not.toHaveAttribute('aria-activedescendant', /./);
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue('groq');
  // Arrow down reopens; the overlay list moves nothing on the page.
  const before = await page.locator('main').boundingBox();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#site-search-results')).toBeVisible();
  expect(await page.locator('main').boundingBox()).toEqual(before);
  const all = page.locator('#site-search-results .search-all a');
  await expect(all).toHaveText('All results for “groq”');
  await all.click();
  await expect(page).toHaveURL(/\/search\/\?q=groq$/);
});
