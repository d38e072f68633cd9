/**
 * Region filters on the real build (issue #17): "EU processing available", one continent and the
 * "Region not published" group, on /providers/ and on the Llama 3.3 70B model page. Every
 * expectation is computed here from the YAML records under data/ with src/core/regions.ts, so the
 * test holds whatever regions the records carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import {
  euProcessing,
  placeAnswer,
  providerFacets,
  routesOf,
  type ProviderPlaces,
  type OfferingPlaces,
} from '../../src/core/regions.ts';

const DATA = resolve(import.meta.dirname, '../../data');
const yaml = <T>(...path: string[]) => parse(readFileSync(join(DATA, ...path), 'utf8')) as T;
const MODEL = 'meta/llama-3.3-70b';
const MODEL_PAGE = `/models/${MODEL}/`;

const providers = new Map(
  readdirSync(join(DATA, 'providers'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f.slice(0, -5), yaml<ProviderPlaces & { kind: string }>('providers', f)]),
);
/** The model's offerings (every status: the model page lists them all), id = path without ".yaml". */
const offerings: (OfferingPlaces & { id: string; provider: string })[] = [];
for (const file of readdirSync(join(DATA, 'offerings'), { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.yaml')) continue;
  const o = yaml<OfferingPlaces & { provider: string; model?: string }>('offerings', file);
  if (o.model === MODEL) offerings.push({ ...o, id: file.slice(0, -5) });
}
const providerOf = (o: { provider: string }) => providers.get(o.provider)!;
const sorted = (xs: Iterable<string>) => [...xs].sort();

// ---- /providers/ ----

const facets = new Map([...providers].map(([id, p]) => [id, providerFacets(p)]));
const expectedProviders = (keep: (f: ReturnType<typeof providerFacets>) => boolean) =>
  sorted([...facets].filter(([, f]) => keep(f)).map(([id]) => id));
const shownProviders = (page: Page) =>
  page
    .locator('table.pi tbody tr:not([hidden])')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('th a')!.getAttribute('href')!.split('/')[2]!))
    .then(sorted);
const readyIndex = async (page: Page, url = '/providers/') => {
  await page.goto(url);
  await expect(page.locator('table.pi form, sortable-table form').first()).toBeVisible();
};

test('/providers/: "EU processing available" keeps exactly the providers whose records say yes', async ({ page }) => {
  const want = expectedProviders((f) => f.eu === 'yes');
  const unknown = expectedProviders((f) => f.eu === 'unknown').length;
  await readyIndex(page);
  const box = page.getByRole('checkbox', { name: /EU processing available/ });
  await expect(box).toHaveAccessibleName(
    `EU processing available (${want.length.toLocaleString('en-US')}; not published for ${unknown.toLocaleString('en-US')})`,
  );
  await box.check();
  await expect(page).toHaveURL(/[?&]eu=yes/);
  await expect(page.locator('sortable-table output')).toHaveText(`Showing ${want.length} of ${providers.size}`);
  expect(await shownProviders(page)).toEqual(want);
  console.log(`EU processing available: ${want.length} providers (${want.join(', ') || 'none'}); unknown for ${unknown}`);
  // The state survives a reload from the URL.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /EU processing available/ })).toBeChecked();
  expect(await shownProviders(page)).toEqual(want);
});

test('/providers/: a continent and the "Region not published" group, counted in their choices', async ({ page }) => {
  await readyIndex(page);
  const continent = page.getByLabel('Continent');
  const europe = expectedProviders((f) => f.continents.includes('EU'));
  const unknown = expectedProviders((f) => f.countries.length === 0);
  expect(europe.length + unknown.length).toBeGreaterThan(0);
  if (europe.length) {
    await expect(continent.locator('option[value="EU"]')).toHaveText(`Europe (${europe.length})`);
    await continent.selectOption('EU');
    expect(await shownProviders(page)).toEqual(europe);
  }
  await expect(continent.locator('option[value="unknown"]')).toHaveText(`Region not published (${unknown.length})`);
  await continent.selectOption('unknown');
  await expect(page).toHaveURL(/[?&]continent=unknown/);
  expect(await shownProviders(page)).toEqual(unknown);
  // Every provider is under some continent or the unknown group: none silently dropped.
  const counted = new Set([...expectedProviders((f) => f.continents.length > 0), ...unknown]);
  expect(counted.size).toBe(providers.size);
  console.log(`Europe: ${europe.length} providers; region not published: ${unknown.length} of ${providers.size}`);
});

// ---- The model page ----

const offeringIds = (keep: (o: (typeof offerings)[number]) => boolean) => sorted(offerings.filter(keep).map((o) => o.id));
const shownOfferings = (page: Page) =>
  page
    .locator('#where-table tbody tr:not([hidden])')
    .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.offering!))
    .then(sorted);
const readyModel = async (page: Page, url = MODEL_PAGE) => {
  await page.goto(url);
  await expect(page.locator('where-regions[data-ready]')).toHaveCount(1);
};

test(`${MODEL_PAGE}: "EU processing available" keeps exactly the offerings whose records say yes`, async ({ page }) => {
  expect(offerings.length).toBeGreaterThan(10);
  const want = offeringIds((o) => euProcessing(providerOf(o), o) === 'yes');
  const unknown = offeringIds((o) => euProcessing(providerOf(o), o) === 'unknown');
  await readyModel(page);
  expect(await shownOfferings(page)).toEqual(offeringIds(() => true));
  const box = page.getByRole('checkbox', { name: /EU processing available/ });
  await expect(box).toHaveAccessibleName(`EU processing available (${want.length})`);
  await box.check();
  await expect(page).toHaveURL(/[?&]eu=1/);
  expect(await shownOfferings(page)).toEqual(want);
  const status = page.locator('where-regions output');
  await expect(status).toContainText(`Showing ${want.length} of ${offerings.length}`);
  if (unknown.length)
    await expect(status).toContainText(`${unknown.length} not shown because their region or EU processing is not published`);
  // The Regions column comes into view with a filter on.
  await expect(page.locator('#where-table thead th', { hasText: 'Regions' })).toBeVisible();
  console.log(
    `EU processing available for Llama 3.3 70B: ${want.length} offerings: ${want.join(', ') || 'none'}; unknown for ${unknown.length}`,
  );
  await page.reload();
  await expect(page.locator('where-regions[data-ready]')).toHaveCount(1);
  expect(await shownOfferings(page)).toEqual(want);
});

test(`${MODEL_PAGE}: a continent and the "Region not published" group`, async ({ page }) => {
  const answer = (o: (typeof offerings)[number], continent: 'NA' | 'EU') =>
    placeAnswer(providerOf(o), routesOf(providerOf(o), o), { continent });
  const unknown = offeringIds((o) => routesOf(providerOf(o), o) === undefined);
  await readyModel(page);
  const select = page.locator('where-regions select[name="region"]');
  await expect(select.locator('option[value="unknown"]')).toHaveText(`Region not published (${unknown.length})`);
  await select.selectOption('unknown');
  await expect(page).toHaveURL(/[?&]region=unknown/);
  expect(await shownOfferings(page)).toEqual(unknown);
  for (const [code, slug, label] of [
    ['NA', 'north-america', 'North America'],
    ['EU', 'europe', 'Europe'],
  ] as const) {
    const want = offeringIds((o) => answer(o, code) === 'yes');
    if (!want.length) continue;
    await expect(select.locator(`option[value="${slug}"]`)).toHaveText(`All of ${label} (${want.length})`);
    await select.selectOption(slug);
    expect(await shownOfferings(page)).toEqual(want);
    console.log(`${label}: ${want.length} offerings of Llama 3.3 70B`);
  }
});

test(`${MODEL_PAGE}: the counts follow the host filter; rows it hides are not counted`, async ({ page }) => {
  const cloud = offerings.filter((o) => providerOf(o).kind === 'cloud');
  const unknown = cloud.filter((o) => routesOf(providerOf(o), o) === undefined).length;
  await readyModel(page);
  await page.locator('input[name="where-hosts"][value="cloud"]').check();
  await expect(page.locator('where-regions output')).toHaveText(`${unknown} of ${cloud.length} without published regions`);
  const eu = cloud.filter((o) => euProcessing(providerOf(o), o) === 'yes').length;
  await page.getByRole('checkbox', { name: /EU processing available/ }).check();
  await expect(page.locator('where-regions output')).toContainText(`Showing ${eu} of ${cloud.length}`);
});
