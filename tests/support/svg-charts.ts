/** Checks shared by the tests of server-drawn SVG charts (src/components/shared/SvgChart.astro). */
import { expect, type Locator, type Page } from '@playwright/test';

/** Collects the URL of every script `page` requests from now on. */
export const scriptRequests = (page: Page): string[] => {
  const js: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && js.push(r.url()));
  return js;
};

/**
 * Nothing of `chart` is drawn outside the figure (each text's box lies within the chart's width),
 * and once the page is scrolled through, none of `js` (scriptRequests) is chart code.
 */
export const expectDrawnInPlaceWithoutChartCode = async (page: Page, chart: Locator, js: string[]) => {
  const box = (await chart.boundingBox())!;
  for (const b of await chart.locator('text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect)))
    expect(b.left >= box.x - 1 && b.right <= box.x + box.width + 1, JSON.stringify(b)).toBe(true);
  await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(200);
  expect(js.filter((u) => /chart/i.test(u))).toEqual([]);
};
