/**
 * Security headers and escaping: every page carries a strict CSP, and hostile strings in
 * records render as text and run nothing (on a build of tests/fixtures/hostile).
 */
import { expect, test } from '@playwright/test';
import { builtPages } from '../support/site.ts';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

const cspOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)]),
  );

test('every page has a CSP without unsafe-inline/unsafe-eval, with object-src none and base-uri self', () => {
  const bad: string[] = [];
  for (const page of builtPages()) {
    const csp = cspOf(page.html);
    if (!csp) {
      bad.push(`${page.url}: no CSP meta`);
      continue;
    }
    const d = directives(csp);
    const script = d.get('script-src') ?? d.get('default-src') ?? [];
    if (script.includes("'unsafe-inline'") || script.includes("'unsafe-eval'"))
      bad.push(`${page.url}: script-src ${script.join(' ')}`);
    if (d.get('object-src')?.join(' ') !== "'none'") bad.push(`${page.url}: object-src ${d.get('object-src')}`);
    if (d.get('base-uri')?.join(' ') !== "'self'") bad.push(`${page.url}: base-uri ${d.get('base-uri')}`);
    // The CSP must come before any script or stylesheet so that it governs them.
    const cspAt = page.html.indexOf('content-security-policy');
    const firstScript = page.html.search(/<script|<link rel="stylesheet"/);
    if (firstScript >= 0 && firstScript < cspAt) bad.push(`${page.url}: a script or stylesheet precedes the CSP`);
  }
  expect(bad, bad.slice(0, 20).join('\n')).toEqual([]);
});

test('no page has an inline script, inline style or style attribute (the CSP would block them)', () => {
  const bad: string[] = [];
  for (const page of builtPages()) {
    // Data blocks (type="application/json" and the like) do not run; every other inline script would.
    for (const m of page.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const type = /\btype="?([^"\s>]+)/.exec(m[1]!)?.[1] ?? '';
      const runs = type === '' || type === 'module' || /javascript/.test(type);
      if (runs && !/\bsrc=/.test(m[1]!)) bad.push(`${page.url}: inline <script${m[1]}>`);
    }
    if (/<style[\s>]/.test(page.html)) bad.push(`${page.url}: inline <style>`);
    if (/<[a-z][^>]*\sstyle=/i.test(page.html)) bad.push(`${page.url}: style attribute`);
  }
  expect(bad, bad.slice(0, 20).join('\n')).toEqual([]);
});

test.describe('hostile strings in records', () => {
  test.describe.configure({ mode: 'serial' });
  let server: FixtureSite | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await fixtureSite('hostile', 'tests/fixtures/hostile');
  });
  test.afterAll(() => server?.close());

  const tabs = ['', 'models/', 'pricing/', 'limits/', 'features/'].map((t) => `/providers/evil-host/${t}`);
  for (const path of ['/', '/providers/', ...tabs]) {
    test(`${path} shows them as text and runs nothing`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server!.url + path);
      await expect(page.getByText('</script><script>alert(1)</script>').first()).toBeVisible();
      await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
      const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      expect(scripts.filter((s) => s.includes('alert'))).toEqual([]);
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('provider pages show the hostile model id and description as text', async ({ page }) => {
    await page.goto(`${server!.url}/providers/evil-host/`);
    await expect(page.getByText("<img src=x onerror=alert('desc')> & friends")).toBeVisible();
    await page.goto(`${server!.url}/providers/evil-host/models/`);
    await expect(page.getByText("<svg/onload=alert('id')>")).toBeVisible();
    await page.goto(`${server!.url}/providers/evil-host/pricing/`);
    await expect(page.getByText("<svg/onload=alert('id')>")).toBeVisible();
  });
});
