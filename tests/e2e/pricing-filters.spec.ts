/**
 * /pricing/'s narrowing filters on the real data: the workload's model type, the fit of one
 * request, features per offering (AND, the model's capability where the offering is silent,
 * unknown hidden and counted) and host kinds. Every expectation is computed here from the YAML
 * records under data/, not from the site's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';

const DATA = resolve(import.meta.dirname, '../../data');
const yaml = <T>(...path: string[]) => parse(readFileSync(join(DATA, ...path), 'utf8')) as T;

interface Model {
  type: string;
  context_window?: number;
  max_output_tokens?: number;
  capabilities?: Record<string, boolean>;
}
interface Offer {
  id: string;
  provider: string;
  model?: string;
  status?: string;
  limits?: { context_window?: number; max_output_tokens?: number };
  features?: Record<string, boolean>;
}
const kinds = new Map(
  readdirSync(join(DATA, 'providers'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f.slice(0, -5), yaml<{ kind: string }>('providers', f).kind]),
);
const models = new Map<string, Model>();
for (const file of readdirSync(join(DATA, 'models'), { recursive: true, encoding: 'utf8' }))
  if (file.endsWith('.yaml')) models.set(file.slice(0, -5), yaml<Model>('models', file));
/** Every offering the explorer lists without "include deprecated": not deprecated or retired. */
const offers: Offer[] = [];
for (const file of readdirSync(join(DATA, 'offerings'), { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.yaml') || file.split('/').pop()!.startsWith('_')) continue;
  const o = yaml<Offer>('offerings', file);
  if (o.status !== 'deprecated' && o.status !== 'retired') offers.push({ ...o, id: file.slice(0, -5) });
}

/** Tokens per request of the "Chatbot" (default) and "RAG with long prompts" presets. */
const CHATBOT = { input: 1500, output: 300 };
const RAG = { input: 30_000, output: 600 };
const textGen = offers.filter((o) => o.model !== undefined && models.get(o.model)?.type === 'text-generation');
const fits = (o: Offer, request: { input: number; output: number }) => {
  const m = models.get(o.model!)!;
  const context = o.limits?.context_window ?? m.context_window;
  const maxOut = o.limits?.max_output_tokens ?? m.max_output_tokens;
  return (
    (context === undefined || context >= request.input + request.output) && (maxOut === undefined || maxOut >= request.output)
  );
};
/** A feature as the explorer judges it: the offering's flag, else the model's capability, else unknown. */
const feature = (o: Offer, f: string): boolean | undefined => o.features?.[f] ?? models.get(o.model!)?.capabilities?.[f];

const ready = async (page: Page, url = '/pricing/') => {
  await page.goto(url);
  await expect(page.locator('pricing-explorer[data-ready]')).toHaveCount(1);
};
/** The results line (announced after a short pause) says `n` offerings match. */
const expectCount = (page: Page, n: number) =>
  expect(page.getByRole('status')).toHaveText(new RegExp(`^${n.toLocaleString('en-US')} offerings? match`));
const rows = (page: Page) =>
  page.locator('#explorer-rows tr:not(.group)').evaluateAll((trs) =>
    trs.map((tr) => ({
      href: tr.querySelector('th a')?.getAttribute('href') ?? '',
      name: tr.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      provider: tr.querySelector('td a')?.getAttribute('href')?.split('/')[2] ?? '',
      cost: tr.querySelector('.cost .figure')?.textContent ?? '',
      features: tr.querySelector('td.features')?.textContent ?? '',
    })),
  );

test('default /pricing/: only text-generation models whose context holds the request', async ({ page }) => {
  const fitting = textGen.filter((o) => fits(o, CHATBOT));
  await ready(page);
  await expectCount(page, fitting.length);
  const top = await rows(page);
  const allowed = new Set(fitting.map((o) => `/models/${o.model}/`));
  for (const r of top) expect(allowed.has(r.href), `${r.name} at ${r.provider}`).toBe(true);
  console.log(
    'default top 10:\n' +
      top
        .slice(0, 10)
        .map((r, i) => `${i + 1}. ${r.name} · ${r.provider} · ${r.cost}`)
        .join('\n'),
  );
});

test('offerings too small for the request are hidden and counted; the toggle shows them', async ({ page }) => {
  const fitting = textGen.filter((o) => fits(o, RAG));
  const unfit = textGen.length - fitting.length;
  expect(unfit).toBeGreaterThan(0);
  await ready(page, '/pricing/?preset=rag-long-prompts');
  await expectCount(page, fitting.length);
  const notice = page.locator('#explorer-notices p').filter({ hasText: 'cannot hold one request' });
  await expect(notice).toContainText(`${unfit.toLocaleString('en-US')} offering`);
  console.log(`RAG with long prompts: ${unfit} offerings hidden as too small, ${fitting.length} listed`);
  await notice.getByRole('button', { name: 'Show them' }).click();
  await expect(page).toHaveURL(/unfit=1/);
  await expectCount(page, textGen.length);
  await expect(page.getByRole('checkbox', { name: 'Show offerings too small for one request' })).toBeChecked();
  await page.goBack();
  await expectCount(page, fitting.length);
});

test('an embeddings workload ranks embedding models only', async ({ page }) => {
  await ready(page, '/pricing/?preset=embeddings');
  await expect(page.getByLabel('Model type')).toHaveValue('embedding');
  const embedding = offers.filter((o) => o.model !== undefined && models.get(o.model)?.type === 'embedding');
  const ids = new Set(embedding.map((o) => `/models/${o.model}/`));
  for (const r of await rows(page)) expect(ids.has(r.href), r.name).toBe(true);
  await expect(page.getByRole('status')).toHaveText(/offerings? match/);
});

test('providers of GPT-4o with tool calling AND structured output; unknown rows hidden and counted', async ({ page }) => {
  const FEATS = ['structured_output', 'tool_calling'];
  const gpt4o = textGen.filter((o) => o.model === 'openai/gpt-4o' && fits(o, CHATBOT));
  const yes = gpt4o.filter((o) => FEATS.every((f) => feature(o, f) === true));
  const unknown = gpt4o.filter(
    (o) => FEATS.every((f) => feature(o, f) !== false) && FEATS.some((f) => feature(o, f) === undefined),
  );
  const viaModel = yes.filter((o) => FEATS.some((f) => o.features?.[f] === undefined));
  expect(yes.length).toBeGreaterThan(0);

  await ready(page, '/pricing/?model=openai/gpt-4o');
  await page.getByRole('checkbox', { name: 'Tool calling', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Structured output', exact: true }).check();
  await expect(page).toHaveURL(/feat=structured_output,tool_calling/);
  await expectCount(page, yes.length);
  const shown = await rows(page);
  console.log(`GPT-4o with tool calling and structured output: ${shown.map((r) => r.provider).join(', ')}`);
  expect(shown.map((r) => r.provider).sort()).toEqual(yes.map((o) => o.provider).sort());
  expect(shown.filter((r) => r.features.includes('Yes (model)')).length).toBe(viaModel.length);
  await expect(page.getByRole('columnheader', { name: 'Features' })).toBeVisible();
  if (unknown.length > 0) {
    const notice = page.locator('#explorer-notices p').filter({ hasText: 'unknown' });
    await expect(notice).toContainText(`${unknown.length} offering`);
    await notice.getByRole('button', { name: 'Include unknown' }).click();
    await expectCount(page, yes.length + unknown.length);
    await expect(page).toHaveURL(/unk=structured_output,tool_calling/);
  }
});

test('host kind: official hosts only leaves out gateways; a kind with no result says so and clears', async ({ page }) => {
  const fitting = textGen.filter((o) => fits(o, CHATBOT));
  const official = fitting.filter((o) => kinds.get(o.provider) !== 'gateway');
  await ready(page);
  await page.getByRole('checkbox', { name: 'Official hosts only' }).check();
  await expect(page).toHaveURL(/official=1/);
  await expectCount(page, official.length);
  for (const r of await rows(page)) expect(kinds.get(r.provider), r.provider).not.toBe('gateway');
  await page.getByLabel('Provider kind').selectOption('gateway');
  await expect(page.locator('#explorer-rows tr:not(.group)')).toHaveCount(0);
  const empty = page.locator('#explorer-notices p').filter({ hasText: 'matches these filters' });
  await empty.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(page).toHaveURL(/\/pricing\/$/);
  await expectCount(page, fitting.length);
});

test('a model page filters "Where to run it" by host kind without JavaScript', async ({ browser }) => {
  const MODEL = 'anthropic/claude-haiku-4.5';
  const all = offers.filter((o) => o.model === MODEL);
  const listed = readdirSync(join(DATA, 'offerings'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith(`/${MODEL}.yaml`) || (f.endsWith('.yaml') && yaml<Offer>('offerings', f).model === MODEL),
  );
  const official = listed.filter((f) => kinds.get(f.split('/')[0]!) !== 'gateway').length;
  expect(all.length).toBeGreaterThan(0);
  expect(official).toBeLessThan(listed.length);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`/models/${MODEL}/`);
  const rowsOf = page.locator('#where-table tbody tr');
  await expect(rowsOf).toHaveCount(listed.length);
  const choice = page.getByRole('radio', { name: new RegExp(`^Official hosts only \\(${official}\\)`) });
  await choice.check();
  await expect(page.locator('#where-table tbody tr:visible')).toHaveCount(official);
  for (const kind of await page
    .locator('#where-table tbody tr:visible')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind'))))
    expect(kind).not.toBe('gateway');
  await page.getByRole('radio', { name: /^All hosts/ }).check();
  await expect(page.locator('#where-table tbody tr:visible')).toHaveCount(listed.length);
  await ctx.close();
});

test('the host filter of a model page is kept in the URL and restored from it', async ({ page }) => {
  const MODEL = 'anthropic/claude-haiku-4.5';
  const listed = readdirSync(join(DATA, 'offerings'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.yaml') && yaml<Offer>('offerings', f).model === MODEL,
  );
  const official = listed.filter((f) => kinds.get(f.split('/')[0]!) !== 'gateway').length;
  await page.goto(`/models/${MODEL}/`);
  await expect(page.locator('where-hosts')).toHaveAttribute('data-ready', '');
  await page.getByRole('radio', { name: /^Official hosts only/ }).check();
  await expect(page).toHaveURL(/[?&]hosts=official(&|$)/);
  await page.reload();
  await expect(page.getByRole('radio', { name: /^Official hosts only/ })).toBeChecked();
  await expect(page.locator('#where-table tbody tr:visible')).toHaveCount(official);
  await page.getByRole('radio', { name: /^All hosts/ }).check();
  await expect(page).not.toHaveURL(/hosts=/);
});

test('the home page names the cheapest official host next to the cheapest option', async ({ page }) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: /Cheapest options for popular models/ });
  const cells = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      cheapest: tr.querySelectorAll('td')[1]?.querySelector('a')?.getAttribute('href')?.split('/')[2] ?? '',
      official: tr.querySelectorAll('td')[3]?.querySelector('a')?.getAttribute('href')?.split('/')[2],
      text: tr.querySelectorAll('td')[3]?.textContent ?? '',
    })),
  );
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    if (c.official) expect(kinds.get(c.official), c.official).not.toBe('gateway');
    // "same": the cheapest option is itself an official host.
    if (c.text === 'same') expect(kinds.get(c.cheapest), c.cheapest).not.toBe('gateway');
    else if (c.official === undefined) expect(c.text).toBe('none priced');
  }
  expect(cells.some((c) => c.official !== undefined && kinds.get(c.cheapest) === 'gateway')).toBe(true);
});
