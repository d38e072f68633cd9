/**
 * WCAG 2.2 AA: 0 axe violations in light mode on one page per template (each of a provider's five
 * tabs for a typical provider of each kind, and every other page type, a spread sample of the
 * larger ones), and for the colour rules in dark mode on one page per page type. The sample is
 * computed from the build and data/ (support/site.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { a11ySample, builtPages, providerKinds, templateOf } from '../support/site.ts';

const sample = a11ySample();

test('the sample covers every page type, and every provider tab for every provider kind', () => {
  const kinds = providerKinds();
  const all = new Set(builtPages().map((p) => templateOf(p, kinds)));
  const sampled = new Set(sample.map((p) => templateOf(p, kinds)));
  expect([...sampled].sort()).toEqual([...all].sort());
  const tabs = new Set(
    builtPages()
      .filter((p) => /^\/providers\/[^/]+\//.test(p.url))
      .map((p) => p.type),
  );
  expect(tabs.size, 'provider tabs').toBe(5);
  for (const tab of tabs)
    for (const kind of new Set(kinds.values())) expect(sampled, `${tab} × ${kind}`).toContain(`${tab} × ${kind}`);
});

/** The rules whose results depend on the colours: the only ones a change of colour scheme can move. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const summary = (r: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
  r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);

/** The pages that get the dark pass: the first of each page type in the sample (the palette and the components are the type's). */
const dark = new Set([...new Map(sample.map((p) => [p.type, p.url] as const).reverse()).values()]);

// One load per page: every rule in light mode, then for the first page of each type the colour
// rules again in dark mode (the page's palette follows prefers-color-scheme live; nothing else
// changes with it).
for (const page of sample) {
  test(`${page.type} ${page.url}`, async ({ page: tab }) => {
    await tab.emulateMedia({ colorScheme: 'light' });
    await tab.goto(page.url);
    expect(summary(await new AxeBuilder({ page: tab }).withTags(TAGS).analyze()), 'light').toEqual([]);
    if (!dark.has(page.url)) return;
    await tab.emulateMedia({ colorScheme: 'dark' });
    // The palette really changed (a dark page background), so the second pass tests dark mode.
    const bg = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r = 255, g = 255, b = 255] = (bg.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    expect(r + g + b, `dark background, got ${bg}`).toBeLessThan(3 * 96);
    expect(summary(await new AxeBuilder({ page: tab }).withRules(COLOUR_RULES).analyze()), 'dark').toEqual([]);
  });
}
