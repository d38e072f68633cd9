/**
 * /pricing/'s region filters on the real data: "EU processing available", a continent, the
 * offerings whose region is not published (hidden, counted, listed on request) and the price of
 * the region picked. Expectations are computed here from the YAML records under data/, through
 * src/core/regions.ts (the unit-tested rule), not from the page's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { answerFor, routeFor, routesOf, type PlaceFilter } from '../../src/core/regions.ts';
import type { Offering, Provider } from '../../src/model/schema.ts';
import { formatUsd } from '../../src/core/format.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const yaml = <T>(...path: string[]) => parse(readFileSync(join(DATA, ...path), 'utf8')) as T;

const providers = new Map(
  readdirSync(join(DATA, 'providers'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f.slice(0, -5), yaml<Provider>('providers', f)]),
);
const modelTypes = new Map<string, { type: string; context_window?: number; max_output_tokens?: number }>();
for (const file of readdirSync(join(DATA, 'models'), { recursive: true, encoding: 'utf8' }))
  if (file.endsWith('.yaml')) modelTypes.set(file.slice(0, -5), yaml('models', file));
type Offer = Offering & { id: string };
const offers: Offer[] = [];
for (const file of readdirSync(join(DATA, 'offerings'), { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.yaml') || file.split('/').pop()!.startsWith('_')) continue;
  const o = yaml<Offering>('offerings', file);
  if (o.status !== 'deprecated' && o.status !== 'retired') offers.push({ ...o, id: file.slice(0, -5) });
}
/** The default view: text-generation offerings whose context and output cap hold the "Chatbot" request (1,500 in, 300 out). */
const listed = offers.filter((o) => {
  const m = o.model === undefined ? undefined : modelTypes.get(o.model);
  if (m?.type !== 'text-generation') return false;
  const context = o.limits?.context_window ?? m.context_window;
  const maxOut = o.limits?.max_output_tokens ?? m.max_output_tokens;
  return (context === undefined || context >= 1800) && (maxOut === undefined || maxOut >= 300);
});
const answer = (o: Offer, f: PlaceFilter) => {
  const p = providers.get(o.provider)!;
  return answerFor(routesOf(p, o), f, p.residency !== undefined);
};

const ready = async (page: Page, url: string) => {
  await page.goto(url);
  await expect(page.locator('pricing-explorer[data-ready]')).toHaveCount(1);
};
const fmt = (n: number) => n.toLocaleString('en-US');

test('EU processing available: exactly the offerings that can keep processing in the EU; unknown ones counted', async ({
  page,
}) => {
  const yes = listed.filter((o) => answer(o, { eu: true }) === 'yes');
  const unknown = listed.filter((o) => answer(o, { eu: true }) === 'unknown');
  expect(yes.length).toBeGreaterThan(0);
  await ready(page, '/pricing/?eu=1');
  await expect(page.getByRole('checkbox', { name: 'EU processing available' })).toBeChecked();
  const status = page.getByRole('status');
  await expect(status).toHaveText(new RegExp(`^${fmt(yes.length)} offerings? match`));
  await expect(status).toContainText(
    `${fmt(unknown.length)} offering${unknown.length === 1 ? '' : 's'} whose region is not published hidden`,
  );
  const providersShown = await page
    .locator('#explorer-rows tr:not(.group) td a[href^="/providers/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!.split('/')[2]))]);
  const allowed = new Set(yes.map((o) => o.provider));
  for (const p of providersShown) expect(allowed.has(p!), p).toBe(true);
  console.log(`EU processing: ${yes.length} offerings of ${[...allowed].sort().join(', ')}; ${unknown.length} unknown`);

  await page.getByRole('checkbox', { name: 'Include offerings whose region is not published' }).check();
  await expect(page).toHaveURL(/unkreg=1/);
  await expect(status).toHaveText(new RegExp(`^${fmt(yes.length + unknown.length)} offerings? match`));
});

test('a continent lists the offerings with a route there', async ({ page }) => {
  const eu = listed.filter((o) => answer(o, { continent: 'EU' }) === 'yes');
  await ready(page, '/pricing/?continent=EU&unkreg=1');
  const unknown = listed.filter((o) => answer(o, { continent: 'EU' }) === 'unknown');
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${fmt(eu.length + unknown.length)} offerings? match`));
  await expect(page.getByLabel('Runs in (continent)')).toHaveValue('EU');
});

test('the price of the region picked: a residency uplift shows in the prices and the cost note', async ({ page }) => {
  // An offering whose EU route costs more than its own price.
  const target = listed.find((o) => {
    if (!o.pricing?.input || o.model === undefined) return false;
    const routes = routesOf(providers.get(o.provider)!, o);
    const route = routeFor(o.pricing, routes, { eu: true });
    return route !== undefined && route.multiplier > 1 && !route.prices;
  });
  test.skip(!target, 'no offering has a regional price for EU processing in the data');
  const routes = routesOf(providers.get(target!.provider)!, target!)!;
  const route = routeFor(target!.pricing!, routes, { eu: true })!;
  const input = target!.pricing!.input! * route.multiplier;
  await ready(page, `/pricing/?model=${target!.model}&provider=${target!.provider}&eu=1&old=1`);
  const row = page.locator('#explorer-rows tr:not(.group)').first();
  // Cells: provider, monthly cost, then input price.
  await expect(row.locator('td').nth(2)).toHaveText(formatUsd(input));
  await expect(row).toContainText(`${route.label} price, +${Math.round((route.multiplier - 1) * 100)}%`);
  console.log(`${target!.id}: input ${target!.pricing!.input} → ${input} on ${route.label}`);
});
