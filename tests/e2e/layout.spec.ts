/**
 * No page scrolls sideways: on one page of every template (the largest of each, tests/support/site.ts
 * layoutSample), at 360, 390, 768 and 1366 px, the document is no wider than the viewport; wide tables
 * scroll inside their own box. One page load per template, resized through the four widths.
 */
import { expect, test } from '@playwright/test';
import { layoutSample } from '../support/site.ts';

const WIDTHS = [360, 390, 768, 1366];

test('no page template scrolls sideways at 360, 390, 768 or 1366 px', async ({ page }) => {
  test.setTimeout(180_000);
  const sample = layoutSample();
  expect(sample.length).toBeGreaterThan(10);
  const wide: string[] = [];
  for (const { template, page: p } of sample) {
    await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
    await page.goto(p.url, { waitUntil: 'load' });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${template} ${p.url} at ${width} px: ${scrollWidth} px wide`);
    }
  }
  expect(wide).toEqual([]);
});
