/**
 * Performance samples end to end: `npm run probe` measures a local SSE server (no internet) into
 * a temp copy of tests/fixtures/base, that copy is built and served, and the samples appear on
 * the provider and model pages (by region, with date, method and stale badge) and in the
 * model's price-and-speed chart. Then the "measure from your browser" button, with the API host
 * answered by the test.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { startSseServer } from '../support/sse-server.ts';
import { appendSamples } from '../../tools/probe/yaml-update.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const KEY = 'sk-e2e-secret-key-42';

const probe = (url: string, data: string, args: string[]) =>
  new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, ['tools/probe.ts', ...args, '--base-url', url, '--data', data], {
      cwd: ROOT,
      env: { ...process.env, ACME_API_KEY: KEY, RELAY_API_KEY: KEY },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out }));
  });

test.describe('performance samples recorded by the probe', () => {
  test.describe.configure({ mode: 'serial' });
  let site: FixtureSite | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    site = await fixtureSite('probe-e2e', async (data) => {
      cpSync(join(ROOT, 'tests/fixtures/base'), data, { recursive: true });
      // The gateway in the fixture has no API record; give the copy one so that both offerings of Atlas 2 can be probed.
      const relay = join(data, 'providers/relay.yaml');
      writeFileSync(
        relay,
        `${readFileSync(relay, 'utf8')}api:\n  base_url: https://api.relay.example.net/v1\n  openai_compatible: true\n  env: [RELAY_API_KEY]\n`,
      );
      const server = await startSseServer(() => ({ ttftMs: 60, gapMs: 10, tokens: 11, usage: true }));
      try {
        for (const args of [
          ['acme/acme/atlas-2', '--region', 'lab-e2e', '--n', '3', '--profile', 'short'],
          ['relay/acme/atlas-2', '--region', 'lab-e2e', '--n', '3', '--profile', 'both'],
        ]) {
          const r = await probe(server.url, data, args);
          expect(r.code, r.out).toBe(0);
          expect(r.out).not.toContain(KEY);
        }
      } finally {
        await server.close();
      }
      // One old hand-recorded sample: 151 days before the fixture's data date (2025-06-01), so stale.
      const old = join(data, 'offerings/acme/acme/atlas-2.yaml');
      const plan = appendSamples(readFileSync(old, 'utf8'), [
        {
          region: 'us-east',
          ttft_ms: { p50: 999 },
          output_tokens_per_second: { p50: 12 },
          measured_at: '2025-01-01',
          method: 'provider dashboard',
        },
      ]);
      expect(plan.ok).toBe(true);
      if (plan.ok) writeFileSync(old, plan.text);
    });
  });
  test.afterAll(() => site?.close());

  test('the provider overview lists samples by region, with date, method and stale badge', async ({ page }) => {
    await page.goto(`${site!.url}/providers/acme/`);
    await expect(page.getByRole('heading', { name: 'Performance', level: 2 })).toBeVisible();
    const lab = page.getByRole('table', { name: 'Region: lab-e2e' });
    const row = lab.getByRole('row', { name: /Atlas 2/ });
    await expect(row).toContainText('probe v1');
    await expect(row).toContainText(/\d+ ms \(p90 \d+ ms\)/);
    await expect(row).toContainText(/tok\/s/);
    await expect(row).toContainText('short');
    await expect(row.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    const east = page.getByRole('table', { name: 'Region: us-east' });
    await expect(east.getByRole('row')).toHaveCount(3);
    await expect(east.getByRole('row', { name: /provider dashboard/ })).toContainText('Stale: older than 90 days');
    await expect(east.getByRole('row', { name: /probe v1/ })).not.toContainText('Stale');
  });

  test('the model page lists them by provider and draws price against speed', async ({ page }) => {
    await page.goto(`${site!.url}/models/acme/atlas-2/`);
    await expect(page.getByRole('heading', { name: 'Measured performance by region' })).toBeVisible();
    const lab = page.getByRole('table', { name: 'Region: lab-e2e' });
    await expect(lab.getByRole('row', { name: /Relay Router/ })).toHaveCount(2);
    await expect(lab.getByRole('row', { name: /Acme Cloud/ })).toHaveCount(1);
    await expect(lab.getByRole('row', { name: /Relay Router/ })).toContainText(['short', 'long']);
    // Both offerings now have a speed: the chart becomes price against speed, and the table shows it.
    await expect(page.getByRole('heading', { name: 'Price and speed' })).toBeVisible();
    // A server-drawn scatter: one labelled point per offering.
    const chart = page.locator('figure.chart svg.svg-chart');
    await expect(chart.locator('circle')).toHaveCount(2);
    await expect(chart.locator('text.point')).toHaveCount(2);
    await expect(page.locator('#where-table tr[data-provider="relay"]')).toContainText(/\d+ tok\/s/);
  });

  test('a model without samples shows no empty section', async ({ page }) => {
    await page.goto(`${site!.url}/models/acme/atlas-1/`);
    await expect(page.getByRole('heading', { name: 'Where to run it' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Measured performance by region' })).toHaveCount(0);
  });

  test('measure from your browser: times round trips to the API host only: no key, no body, shown not sent', async ({ page }) => {
    const calls: { method: string; body: string | null; headers: Record<string, string> }[] = [];
    await page.route('https://api.acme.example.com/**', async (route) => {
      const r = route.request();
      calls.push({ method: r.method(), body: r.postData(), headers: r.headers() });
      await new Promise((done) => setTimeout(done, 20));
      await route.fulfill({ status: 404, body: '' });
    });
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin !== new URL(site!.url).origin && u.origin !== 'https://api.acme.example.com') elsewhere.push(r.url());
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${site!.url}/providers/acme/`);
    const probe = page.locator('rtt-probe');
    await expect(probe).toContainText('not time to first token');
    // The measuring code is a lazy island: nothing of it loads until the button is used, and that first click measures.
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((p) => p.includes('rtt-probe'))).toEqual([]);
    await probe.getByRole('button', { name: 'Measure from your browser' }).click();
    await expect(probe.getByRole('status')).toContainText(/Network round trip: \d+ ms median \(fastest \d+ ms\) over 4 requests/);
    expect(scripts.filter((p) => p.includes('rtt-probe'))).toHaveLength(1);
    expect(calls).toHaveLength(5);
    for (const c of calls) {
      expect(c.method).toBe('HEAD');
      expect(c.body).toBeNull();
      expect(Object.keys(c.headers).filter((h) => /authorization|api-key|cookie/i.test(h))).toEqual([]);
    }
    expect(elsewhere).toEqual([]);
  });

  test('measure from your browser: the API origin is allowed on that provider page only', async ({ page }) => {
    const csp = async (path: string) => {
      await page.goto(site!.url + path);
      return (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    };
    expect(await csp('/providers/acme/')).toMatch(/connect-src 'self' https:\/\/api\.acme\.example\.com(;|$)/);
    const other = await csp('/providers/acme/pricing/');
    expect(other).not.toContain('connect-src');
    expect(other).toMatch(/default-src 'self'(;|$)/);
  });
});
