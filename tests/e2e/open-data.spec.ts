/**
 * Open data and discoverability on the production build: every download parses and matches its
 * schema with the counts the pages show, the CSV is formula-safe, feeds are well-formed Atom, the
 * calendar parses, the sitemap lists every page and nothing else, every page has share tags; and,
 * on a build of tests/fixtures/history, price history, the change feed and the calendar have entries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import {
  ApiModelFileSchema,
  ApiModelsSchema,
  ApiOfferingsSchema,
  ApiProviderFileSchema,
  ApiProvidersSchema,
  CSV_COLUMNS,
} from '../../src/model/api-export.ts';
import { parseModelsDev } from '../../tools/import/models-dev.ts';
import { formatDate } from '../../src/core/format.ts';
import { parseCsv } from '../support/csv-export-parse.ts';
import { checkXml } from '../support/feed-xml.ts';
import { parseIcs } from '../support/ics-parse.ts';
import { builtPages, DATA, DIST } from '../support/site.ts';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { expectDrawnInPlaceWithoutChartCode, scriptRequests } from '../support/svg-charts.ts';

const read = (rel: string, dist = DIST) => readFileSync(join(dist, rel), 'utf8');
const json = (rel: string, dist = DIST) => JSON.parse(read(rel, dist));
const issues = (r: { success: boolean; error?: { issues: unknown[] } }) => JSON.stringify(r.error?.issues.slice(0, 3));
const pagesOf = (type: string) => builtPages().filter((p) => p.type === type);

test('collection files parse, match their schemas and count what the pages show', () => {
  const providers = ApiProvidersSchema.safeParse(json('api/v1/providers.json'));
  expect(providers.success, issues(providers)).toBe(true);
  expect(providers.data!.count).toBe(providers.data!.items.length);
  expect(providers.data!.count).toBe(pagesOf('provider').length);

  const models = ApiModelsSchema.safeParse(json('api/v1/models.json'));
  expect(models.success, issues(models)).toBe(true);
  expect(models.data!.count).toBe(models.data!.items.length);
  expect(models.data!.count).toBe(pagesOf('model').length);

  const offerings = ApiOfferingsSchema.safeParse(json('api/v1/offerings.json'));
  expect(offerings.success, issues(offerings)).toBe(true);
  expect(offerings.data!.count).toBe(offerings.data!.items.length);
  expect(offerings.data!.count).toBe(providers.data!.items.reduce((n, p) => n + p.offering_count, 0));
});

test('every per-entity file exists, parses and matches its schema', () => {
  const providers = json('api/v1/providers.json').items as { id: string; offering_count: number }[];
  for (const p of providers) {
    const r = ApiProviderFileSchema.safeParse(json(`api/v1/providers/${p.id}.json`));
    expect(r.success, `${p.id}: ${issues(r)}`).toBe(true);
    expect(r.data!.offerings.length).toBe(p.offering_count);
  }
  const models = json('api/v1/models.json').items as { id: string }[];
  let biggest = 0;
  for (const m of models) {
    const text = read(`api/v1/models/${m.id}.json`);
    biggest = Math.max(biggest, text.length);
    const r = ApiModelFileSchema.safeParse(JSON.parse(text));
    expect(r.success, `${m.id}: ${issues(r)}`).toBe(true);
    expect(existsSync(join(DIST, `models/${m.id}/index.html`)), m.id).toBe(true);
  }
  // Per-entity files stay small.
  expect(biggest).toBeLessThan(300_000);
});

test('the models.dev export reads back with the importer, one provider per provider', () => {
  const parsed = parseModelsDev(read('api.json'));
  expect(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n')).toBe(true);
  if (parsed.ok) expect(Object.keys(parsed.data).length).toBe(pagesOf('provider').length);
});

test('every JSON Schema is JSON with $schema; the API payload schemas are published', () => {
  const files = readdirSync(join(DIST, 'schema'));
  for (const kind of [
    'provider',
    'model',
    'offering',
    'organization',
    'family',
    'api-providers',
    'api-models',
    'api-offerings',
    'api-provider',
    'api-model',
  ])
    expect(files).toContain(`${kind}.json`);
  for (const f of files) {
    const s = json(`schema/${f}`);
    expect(s.$schema, f).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id, f).toMatch(new RegExp(`/schema/${f.replace('.', '\\.')}$`));
  }
});

test('the offerings CSV: RFC 4180, one row per offering, no cell a spreadsheet would run', () => {
  const text = read('api/v1/offerings.csv');
  expect(text.endsWith('\r\n')).toBe(true);
  const rows = parseCsv(text);
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows.length - 1).toBe(json('api/v1/offerings.json').count);
  const bad = rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c));
  expect(bad.slice(0, 5)).toEqual([]);
  for (const r of rows) expect(r.length).toBe(CSV_COLUMNS.length);
});

test('the change feeds are well-formed Atom with the required elements', () => {
  const feeds = ['changes.xml', ...pagesOf('provider').map((p) => `${p.url.slice(1)}changes.xml`)];
  for (const f of feeds) {
    const root = checkXml(read(f));
    expect(root.name, f).toBe('feed');
    for (const el of ['id', 'title', 'updated'])
      expect(
        root.children.some((c) => c.name === el),
        `${f} ${el}`,
      ).toBe(true);
    for (const e of root.children.filter((c) => c.name === 'entry'))
      for (const el of ['id', 'title', 'updated'])
        expect(
          e.children.some((c) => c.name === el),
          `${f} entry ${el}`,
        ).toBe(true);
  }
  expect(checkXml(read('changes.xml')).children.filter((c) => c.name === 'entry').length).toBeGreaterThan(0);
});

test('the deprecation calendar parses', () => {
  const cal = parseIcs(read('deprecations.ics'));
  const rows =
    builtPages()
      .find((p) => p.url === '/deprecations/')!
      .html.match(/<tr>/g)?.length ?? 0;
  // One event per row of the page (its header row aside).
  expect(cal.events.length).toBe(Math.max(rows - 1, 0));
});

test('the sitemap lists every page and no dead entry; robots.txt points at it', () => {
  const root = checkXml(read('sitemap.xml'));
  const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(builtPages()[0]!.html)![1]!).origin;
  const listed = root.children.map((u) => new URL(u.children[0]!.text).pathname);
  const pages = builtPages()
    .filter((p) => p.type !== '404')
    .map((p) => p.url);
  expect(listed.filter((u) => !pages.includes(u)).slice(0, 10)).toEqual([]);
  expect(pages.filter((u) => !listed.includes(u)).slice(0, 10)).toEqual([]);
  expect(read('robots.txt')).toContain(`Sitemap: ${site}/sitemap.xml`);
});

test('every page has a title, description, canonical URL and share tags whose image exists', () => {
  const bad: string[] = [];
  const attr = (html: string, re: RegExp) => re.exec(html)?.[1];
  for (const p of builtPages()) {
    if (!/<title>[^<]+<\/title>/.test(p.html)) bad.push(`${p.url}: title`);
    if (!attr(p.html, /<meta name="description" content="([^"]+)"/)) bad.push(`${p.url}: description`);
    if (p.type !== '404' && !attr(p.html, /<link rel="canonical" href="[^"]*?(\/[^"]*)"/)?.endsWith(p.url))
      bad.push(`${p.url}: canonical`);
    for (const tag of ['og:title', 'og:description', 'og:url', 'twitter:card'])
      if (!p.html.includes(`"${tag}"`)) bad.push(`${p.url}: ${tag}`);
    const image = attr(p.html, /<meta property="og:image" content="([^"]+)"/);
    if (!image || !existsSync(join(DIST, new URL(image).pathname))) bad.push(`${p.url}: og:image ${image}`);
  }
  expect(bad.slice(0, 20)).toEqual([]);
  // Share cards are PNG (link previewers do not show SVG), 1200 × 630, with their size and alt text.
  for (const p of [pagesOf('provider')[0]!, pagesOf('model')[0]!, pagesOf('home')[0]!]) {
    const image = new URL(attr(p.html, /<meta property="og:image" content="([^"]+)"/)!).pathname;
    if (p.type !== 'home') expect(image).toBe(`/og${p.url.replace(/\/$/, '')}.png`);
    expect(attr(p.html, /<meta name="twitter:image" content="([^"]+)"/)).toContain(image);
    expect(attr(p.html, /<meta property="og:image:width" content="([^"]+)"/)).toBe('1200');
    expect(attr(p.html, /<meta property="og:image:height" content="([^"]+)"/)).toBe('630');
    expect(attr(p.html, /<meta property="og:image:alt" content="([^"]+)"/)?.length).toBeGreaterThan(20);
    const png = readFileSync(join(DIST, image));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
  const provider = pagesOf('provider')[0]!;
  const record = parse(readFileSync(join(DATA, 'providers', `${provider.url.split('/')[2]}.yaml`), 'utf8')) as { name: string };
  expect(attr(provider.html, /<meta property="og:image:alt" content="([^"]+)"/)?.replaceAll('&amp;', '&')).toContain(record.name);
});

test('the footer links the open-data pages', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  for (const name of ['About', 'Contribute', 'Open data and API', 'Changes', 'Deprecations'])
    await expect(footer.getByRole('link', { name, exact: true })).toBeVisible();
  await page.goto('/data/');
  await expect(page.getByRole('heading', { level: 1, name: 'Open data and API' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/v1/offerings.csv' })).toBeVisible();
});

test('/changes/ lists every price change of the histories in data/, old → new, announced ones marked; so does the feed', async ({
  page,
}) => {
  type Point = { effective_from?: string; input?: number; output?: number };
  type Rec = { provider: string; provider_model_id: string; pricing?: { currency?: string }; price_history?: Point[] };
  const providerName = (id: string) =>
    (parse(readFileSync(join(DATA, 'providers', `${id}.yaml`), 'utf8')) as { name: string }).name;
  const dir = join(DATA, 'offerings');
  const histories = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((text) => text.includes('price_history:'))
    .map((text) => parse(text) as Rec)
    .filter((o) => (o.price_history?.length ?? 0) > 1);
  const steps = histories.flatMap((o) => o.price_history!.slice(1).map((h, i) => ({ o, h, prev: o.price_history![i]! })));
  expect(steps.length).toBeGreaterThan(0);
  await page.goto('/changes/');
  const today = (await page.locator('.lede time').getAttribute('datetime'))!;
  const table = page.getByRole('table', { name: /price change/ });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(steps.length);
  const announced = steps.filter((s) => s.h.effective_from! > today);
  await expect(rows.filter({ hasText: 'Announced' })).toHaveCount(announced.length);
  // Announced changes lead (dated later), then the rest newest first.
  const dates = await rows.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect(dates).toEqual(
    steps
      .map((s) => s.h.effective_from!)
      .sort()
      .reverse(),
  );
  // Each change of a USD record, old → new, on its own row.
  const usd = (v: number | undefined) => (v === undefined ? '–' : `$${v}`);
  for (const { o, h, prev } of steps.filter((s) => (s.o.pricing?.currency ?? 'USD') === 'USD').slice(0, 8)) {
    // The row of this offering: its provider's name and its API id (several providers may share an id).
    const row = rows
      .filter({ hasText: formatDate(h.effective_from!) })
      .filter({ hasText: ` at ${providerName(o.provider)} ${o.provider_model_id}` })
      .filter({ has: page.getByText(o.provider_model_id, { exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(1)).toHaveText(`${usd(prev.input)} in / ${usd(prev.output)} out`);
    await expect(row.locator('td').nth(2)).toHaveText(`${usd(h.input)} in / ${usd(h.output)} out`);
    await expect(row.locator('td').nth(3)).toHaveText(h.effective_from! > today ? 'Announced' : 'In force');
  }
  const titles = checkXml(read('changes.xml'))
    .children.filter((c) => c.name === 'entry')
    .map((e) => e.children.find((c) => c.name === 'title')!.text);
  expect(titles.filter((t) => / price changed$/.test(t))).toHaveLength(steps.length - announced.length);
  expect(titles.filter((t) => / price change announced for /.test(t))).toHaveLength(announced.length);
});

test('/deprecations/ reads "on or after <the data date>"', async ({ page }) => {
  await page.goto('/deprecations/');
  const today = (await page.locator('.lede time').getAttribute('datetime'))!;
  await expect(page.locator('.lede')).toContainText(`on or after ${formatDate(today)} (the date of our newest data)`);
});

test.describe('a build with price history and retirements (tests/fixtures/history)', () => {
  test.describe.configure({ mode: 'serial' });
  let server: FixtureSite | undefined;
  const dist = () => server!.dist;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await fixtureSite('history', 'tests/fixtures/history');
  });
  test.afterAll(() => server?.close());

  test('the model page shows its price history, in USD', async ({ page }) => {
    await page.goto(`${server!.url}/models/globex/gx-mini/`);
    await expect(page.getByRole('heading', { name: 'Price history' })).toBeVisible();
    const table = page.getByRole('table', { name: /GX Mini at Relay Router: price history/ });
    // EUR prices at the record's rate of 1.08 USD.
    await expect(table.getByRole('row', { name: /15 Jan 2025 1 Apr 2025 \$0\.216 \$0\.432/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /1 Apr 2025 now \$0\.108 \$0\.216/ })).toBeVisible();
  });

  test('the model page draws the price history as a labelled SVG step chart, with no chart code', async ({ page }) => {
    const js = scriptRequests(page);
    await page.goto(`${server!.url}/models/globex/gx-mini/`);
    const chart = page.locator('figure.history-chart svg.svg-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAccessibleName(/GX Mini: price history/);
    await expect(chart).toHaveAccessibleDescription(/Input \(solid\) and output \(dashed\)/);
    await chart.scrollIntoViewIfNeeded();
    // One dated tick per change; each line labelled with its provider, meter and last price (EUR at 1.08 USD).
    expect(await chart.locator('text.tick').allTextContents()).toEqual(expect.arrayContaining(['15 Jan 2025', '1 Apr 2025']));
    expect((await chart.locator('text.label').allTextContents()).sort()).toEqual([
      'Relay Router input $0.108',
      'Relay Router output $0.216',
    ]);
    // Two steps per line: a solid input and a dashed output, each flat, down, flat.
    await expect(chart.locator('g.step:not(.dashed) line')).toHaveCount(3);
    await expect(chart.locator('g.step.dashed line')).toHaveCount(3);
    await expectDrawnInPlaceWithoutChartCode(page, chart, js);
  });

  test('/changes/ and the feeds carry the price change; the API carries the history', async ({ page }) => {
    await page.goto(`${server!.url}/changes/`);
    // EUR 0.2 / 0.4 → 0.1 / 0.2 at the record's rate (1.08 USD per EUR), on 1 Apr 2025, in force.
    await expect(
      page.getByRole('table', { name: /price change/ }).getByRole('row', { name: /1 Apr 2025 GX Mini at Relay Router/ }),
    ).toContainText(/\$0\.216 in \/ \$0\.432 out\s+\$0\.108 in \/ \$0\.216 out\s+In force/);
    const feed = readFileSync(join(dist(), 'changes.xml'), 'utf8');
    checkXml(feed);
    expect(feed).toContain('<updated>2025-04-01T00:00:00Z</updated>');
    expect(readFileSync(join(dist(), 'providers/relay/changes.xml'), 'utf8')).toContain('GX Mini at Relay Router: price changed');
    const model = ApiModelFileSchema.parse(JSON.parse(readFileSync(join(dist(), 'api/v1/models/globex/gx-mini.json'), 'utf8')));
    expect(model.offerings[0]!.price_history?.length).toBe(2);
  });

  test('/deprecations/ and the calendar list the upcoming dates with the successor', async ({ page }) => {
    await page.goto(`${server!.url}/deprecations/`);
    await expect(page.getByRole('row', { name: /1 Sept? 2025 GX Mini.*Deprecation.*Atlas 2/ })).toBeVisible();
    const cal = parseIcs(readFileSync(join(dist(), 'deprecations.ics'), 'utf8'));
    // Atlas 1 (deprecated on the data date, retiring later) and GX Mini, soonest first.
    expect(cal.events.map((e) => `${e['DTSTART;VALUE=DATE']} ${e.SUMMARY}`)).toEqual([
      '20250601 Atlas 1 is deprecated',
      '20250901 GX Mini is deprecated',
      '20251201 Atlas 1 retires',
      '20260115 GX Mini retires',
    ]);
    expect(cal.events[3]!.DESCRIPTION).toBe('Successor: Atlas 2 (acme/atlas-2).');
  });
});
