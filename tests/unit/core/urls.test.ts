/** src/core/urls.ts: every route of the site, checked against the files the build writes for it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as urls from '../../../src/core/urls.ts';

const {
  PATHS,
  absoluteUrl,
  apiModelPath,
  apiProviderPath,
  blendedHref,
  calculatorHref,
  changeAnchor,
  compareEmptyHref,
  compareModelPath,
  compareProvidersPath,
  compareSelectionHref,
  familyPath,
  modelCardPath,
  modelHref,
  modelPath,
  modelsPagePath,
  organizationPath,
  performancePath,
  providerCardPath,
  providerCsvPath,
  providerFeedPath,
  providerPath,
  schemaPath,
  searchHref,
} = urls;
const root = resolve(import.meta.dirname, '../../..');

test('entity pages keep the ids’ dots and slashes', () => {
  assert.equal(modelPath('meta/llama-3.3-70b'), '/models/meta/llama-3.3-70b/');
  assert.equal(modelHref('meta/llama-3.3-70b'), modelPath('meta/llama-3.3-70b'));
  assert.equal(modelHref(undefined), undefined);
  assert.equal(familyPath('claude-sonnet'), '/families/claude-sonnet/');
  assert.equal(organizationPath('openai'), '/organizations/openai/');
  assert.equal(performancePath('openai/gpt-4o'), '/performance/openai/gpt-4o/');
});

test('provider pages: one per tab, their CSVs and feed', () => {
  assert.equal(providerPath('groq'), '/providers/groq/');
  assert.deepEqual(
    (['models', 'pricing', 'limits', 'features'] as const).map((t) => providerPath('groq', t)),
    ['/providers/groq/models/', '/providers/groq/pricing/', '/providers/groq/limits/', '/providers/groq/features/'],
  );
  assert.equal(providerCsvPath('groq'), '/providers/groq/pricing.csv');
  assert.equal(providerCsvPath('groq', 'k'), '/providers/groq/pricing-per-1k.csv');
  assert.equal(providerFeedPath('groq'), '/providers/groq/changes.xml');
});

test('the models table is paged from 2 on', () => {
  assert.deepEqual([0, 1, 2, 10].map(modelsPagePath), ['/models/', '/models/', '/models/page/2/', '/models/page/10/']);
});

test('query and anchor links are encoded', () => {
  assert.equal(calculatorHref('openai/gpt-4o'), '/pricing/?model=openai%2Fgpt-4o');
  assert.equal(searchHref('llama 3 & co'), '/search/?q=llama+3+%26+co');
  assert.equal(blendedHref(), '/methodology/#blended');
  assert.equal(changeAnchor('price/groq/m/2026-01-01'), '/changes/#price/groq/m/2026-01-01');
});

test('comparisons: featured pages and shareable selections (commas and slashes readable, the rest encoded)', () => {
  assert.equal(compareModelPath('meta/llama-3.3-70b'), '/compare/meta/llama-3.3-70b/');
  assert.equal(compareProvidersPath('groq-vs-togetherai'), '/compare/providers/groq-vs-togetherai/');
  assert.equal(compareSelectionHref('offerings', ['groq/meta/x', 'a b']), '/compare/?offerings=groq/meta/x,a%20b');
  assert.equal(compareSelectionHref('providers', ['a', 'b'], 'req=10'), '/compare/?providers=a,b&req=10');
  assert.equal(compareEmptyHref(), '/compare/');
  assert.equal(compareEmptyHref('req=10'), '/compare/?req=10');
});

test('files: share cards, API, schemas, absolute URLs', () => {
  assert.equal(providerCardPath('groq'), '/og/providers/groq.png');
  assert.equal(modelCardPath('openai/gpt-4o'), '/og/models/openai/gpt-4o.png');
  assert.equal(apiProviderPath('groq'), '/api/v1/providers/groq.json');
  assert.equal(apiModelPath('openai/gpt-4o'), '/api/v1/models/openai/gpt-4o.json');
  assert.equal(schemaPath('api-models'), '/schema/api-models.json');
  assert.equal(
    absoluteUrl(schemaPath('offering'), 'https://provider-atlas.dev'),
    'https://provider-atlas.dev/schema/offering.json',
  );
  assert.equal(absoluteUrl(PATHS.changesFeed, 'https://provider-atlas.dev/'), 'https://provider-atlas.dev/changes.xml');
});

test('every fixed path has its page, endpoint or public file in the tree', () => {
  const pages = join(root, 'src/pages');
  // Written after `astro build` by tools/build.ts (sitemap) and Pagefind.
  const generated = new Set<string>([PATHS.sitemap, PATHS.pagefind, PATHS.pagefindBundle]);
  const sources = (path: string): string[] => {
    const p = path.replace(/^\//, '').replace(/\/$/, '');
    if (p === '') return [join(pages, 'index.astro')];
    const bare = join(pages, p);
    return [`${bare}.ts`, `${bare}.astro`, `${bare}.mdx`, join(bare, 'index.astro'), join(root, 'public', p)];
  };
  const missing = Object.entries(PATHS)
    .filter(([, path]) => !generated.has(path) && path !== PATHS.api)
    .filter(([, path]) => !sources(path).some(existsSync))
    .map(([key, path]) => `${key}: ${path}`);
  assert.deepEqual(missing, []);
  assert.ok(readdirSync(join(pages, 'api/v1')).length > 0, PATHS.api);
});

test('paths are site-relative; page paths end in a slash, files in an extension', () => {
  for (const [key, path] of Object.entries(PATHS)) {
    assert.match(path, /^\//, key);
    assert.match(path, /(\/|\.[a-z]+)$/, key);
  }
});
