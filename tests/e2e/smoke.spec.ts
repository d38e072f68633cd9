/** The pages a user lands on first work on the production build, with no client JS. */
import { expect, test } from '@playwright/test';
import { builtPages } from '../support/site.ts';

test('home page links the providers index, which lists every provider and links to its page', async ({ page }) => {
  const providerPages = builtPages().filter((p) => p.type === 'provider');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Providers', exact: true }).click();
  const table = page.getByRole('table', { name: /providers/i });
  await expect(table.getByRole('row')).toHaveCount(providerPages.length + 1);
  const first = table.getByRole('rowheader').first().getByRole('link');
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('a provider lists its offerings with ids and prices, and ships no script but its islands', async ({ page }) => {
  await page.goto('/providers/openai/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('OpenAI');
  // The overview's only script is the site script (copy button, and the starter of the lazy islands: header search
  // box, round-trip button), a file; what the islands hold in a <template> is not in the DOM until used.
  const scripts = await page
    .locator('script')
    .evaluateAll((els) => els.map((e) => [(e as HTMLScriptElement).src, e.textContent]));
  // Plus the theme script in <head> (classic, before the stylesheets: no flash of the wrong theme).
  expect(scripts.map(([src]) => new URL(src!).pathname.split('/').pop()!.split('.')[0])).toEqual([
    expect.stringMatching(/^theme-init-/),
    'Base',
  ]);
  expect(scripts.every(([, text]) => text === '')).toBe(true);
  await page.goto('/providers/openai/models/');
  const row = page.getByRole('row', { name: /GPT-4o mini/ }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').first()).toContainText('gpt-4o-mini');
  await page.goto('/providers/openai/pricing/');
  await expect(
    page
      .getByRole('row', { name: /GPT-4o mini/ })
      .first()
      .getByRole('cell')
      .nth(1),
  ).toHaveText(/^\$\d/);
});

test('unknown paths get the 404 page', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('JSON Schema of each record kind is published', async ({ request }) => {
  for (const kind of ['provider', 'model', 'offering', 'organization']) {
    const res = await request.get(`/schema/${kind}.json`);
    expect(res.ok()).toBe(true);
    const schema = await res.json();
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  }
});
