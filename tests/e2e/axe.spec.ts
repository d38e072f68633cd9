/** WCAG 2.2 AA: 0 axe violations on every page type (sample sizes in support/site.ts). */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { axeSample } from '../support/site.ts';

// Light mode on the full sample; dark mode (same markup, other colours) on two pages per type.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const page of axeSample(undefined, scheme === 'dark' ? 2 : undefined)) {
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
