/**
 * WCAG 2.2 AA: 0 axe violations, in light and dark mode, on one page per template: each of a
 * provider's five tabs for the first provider of each kind, and every other page type (a spread
 * sample of the larger ones). The sample is computed from the build and data/ (support/site.ts).
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

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const page of sample) {
      test(`${page.type} ${page.url}`, async ({ page: tab }) => {
        await tab.goto(page.url);
        const results = await new AxeBuilder({ page: tab })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
        expect(summary).toEqual([]);
      });
    }
  });
}
