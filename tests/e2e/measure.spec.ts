/**
 * "Measure from where you are" (issue #17): one button times the network round trip from the
 * browser to the API host of every provider of a model. On a fixture build whose model has six
 * providers on five https hosts and one without an API, each host routed by the test to a local
 * Node server (no real host is reached): two fast, one slow, one that never answers, one refused.
 * The ranking, the marks, the requests (HEAD, no body, key or cookie), the page's CSP (exactly the
 * origins computed here from the fixture's YAML) and the page weight (nothing loads before the
 * press). Then the CSP of a real model page against the origins computed from data/.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Route } from '@playwright/test';
import { parse } from 'yaml';
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MODEL = 'acme/atlas-2';

/** Extra providers of Atlas 2 in the fixture copy: id → API base URL. `twin` shares fast2's host. */
const EXTRA: Record<string, string> = {
  fast2: 'https://api.fast2.example.net/v1',
  twin: 'https://api.fast2.example.net/v2',
  slow: 'https://api.slow.example.net/v1',
  silent: 'https://api.silent.example.net',
  refused: 'https://api.refused.example.net/openai/v1',
};

/** Every https API origin of the providers serving `model` (not retired), from the records under `data`. */
const originsOf = (data: string, model: string): string[] => {
  const origins = new Set<string>();
  const dir = join(data, 'offerings');
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (!f.endsWith('.yaml')) continue;
    const o = parse(readFileSync(join(dir, f), 'utf8')) as { model?: string; provider: string; status?: string };
    if (o.model !== model || o.status === 'retired') continue;
    const p = parse(readFileSync(join(data, 'providers', `${o.provider}.yaml`), 'utf8')) as { api?: { base_url?: string } };
    const base = p.api?.base_url;
    if (base && new URL(base).protocol === 'https:') origins.add(new URL(base).origin);
  }
  return [...origins].sort();
};

const cspOf = async (page: Page) =>
  (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
const connectSrc = (csp: string) => /(?:^|; )connect-src ([^;]*)/.exec(csp)?.[1]?.split(' ');

interface Local {
  port: number;
  server: Server;
}
/** A local HTTP server answering every request after `delayMs`; `undefined` = never answers. */
const local = (delayMs: number | undefined): Promise<Local> =>
  new Promise((done) => {
    const sockets = new Set<Socket>();
    const server = createServer((_req, res) => {
      if (delayMs === undefined) return;
      setTimeout(() => res.writeHead(404, { 'content-length': '0' }).end(), delayMs);
    });
    server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
    server.once('close', () => sockets.forEach((s) => s.destroy()));
    server.listen(0, '127.0.0.1', () => done({ port: (server.address() as { port: number }).port, server }));
  });
const closedPort = async () => {
  const l = await local(0);
  await new Promise((done) => l.server.close(done));
  return l.port;
};

test.describe('measure from where you are', () => {
  test.describe.configure({ mode: 'serial' });
  let site: FixtureSite | undefined;
  let data = '';
  const servers: Server[] = [];
  /** API origin → local port. */
  const ports = new Map<string, number>();

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    site = await fixtureSite('measure-e2e', (dir) => {
      data = dir;
      cpSync(join(ROOT, 'tests/fixtures/base'), dir, { recursive: true });
      for (const [id, base] of Object.entries(EXTRA)) {
        writeFileSync(
          join(dir, `providers/${id}.yaml`),
          `name: ${id[0]!.toUpperCase()}${id.slice(1)} Host\nkind: inference\nwebsite: https://${id}.example.org\nheadquarters: US\napi:\n  base_url: ${base}\n  openai_compatible: true\nsources:\n  - https://${id}.example.org/pricing\nlast_verified: 2025-06-01\n`,
        );
        cpSync(join(dir, 'offerings/relay/acme/atlas-2.yaml'), join(dir, `offerings/${id}/acme/atlas-2.yaml`));
        const f = join(dir, `offerings/${id}/acme/atlas-2.yaml`);
        writeFileSync(f, readFileSync(f, 'utf8').replace(/^provider: relay$/m, `provider: ${id}`));
      }
    });
    const [a, b, slow, silent] = await Promise.all([local(0), local(80), local(300), local(undefined)]);
    servers.push(a.server, b.server, slow.server, silent.server);
    ports.set('https://api.acme.example.com', a.port);
    ports.set('https://api.fast2.example.net', b.port);
    ports.set('https://api.slow.example.net', slow.port);
    ports.set('https://api.silent.example.net', silent.port);
    ports.set('https://api.refused.example.net', await closedPort());
  });
  test.afterAll(async () => {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
    await site?.close();
  });

  interface Call {
    origin: string;
    method: string;
    body: string | null;
    headers: Record<string, string>;
  }
  /** Routes every https host of the fixture to its local server; a closed port aborts as refused. */
  const routeHosts = async (page: Page, calls: Call[]) => {
    const handle = async (route: Route) => {
      const r = route.request();
      const u = new URL(r.url());
      calls.push({ origin: u.origin, method: r.method(), body: r.postData(), headers: await r.allHeaders() });
      try {
        const response = await route.fetch({ url: `http://127.0.0.1:${ports.get(u.origin)}${u.pathname}`, timeout: 15_000 });
        await route.fulfill({ response });
      } catch {
        await route.abort('connectionrefused').catch(() => undefined);
      }
    };
    for (const origin of ports.keys()) await page.route(`${origin}/**`, handle);
    // A cookie for the API hosts and one for the site: neither may travel with a measurement.
    await page.context().addCookies([
      { name: 'session', value: 'secret-cookie', domain: '.example.net', path: '/', secure: true },
      { name: 'site', value: 'secret-cookie', url: site!.url },
    ]);
  };

  test('the page allows exactly the API origins of the model, computed from the YAML', async ({ page }) => {
    const expected = originsOf(data, MODEL);
    expect(expected).toEqual([...ports.keys()].sort());
    await page.goto(`${site!.url}/models/${MODEL}/`);
    expect(connectSrc(await cspOf(page))).toEqual(["'self'", ...expected]);
    // Atlas 1 has one provider: its page allows that one origin only.
    await page.goto(`${site!.url}/models/acme/atlas-1/`);
    expect(connectSrc(await cspOf(page))).toEqual(["'self'", ...originsOf(data, 'acme/atlas-1')]);
    // A page without the button keeps the base policy.
    await page.goto(`${site!.url}/providers/relay/pricing/`);
    expect(connectSrc(await cspOf(page))).toBeUndefined();
  });

  test('ranks the hosts, marks the silent and the refused one, sends no body, key or cookie; nothing loads before the press', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const calls: Call[] = [];
    await routeHosts(page, calls);
    const loaded: { url: string; type: string; bytes: number }[] = [];
    page.on('requestfinished', async (r) => {
      const type = r.resourceType();
      if (!['script', 'fetch', 'xhr'].includes(type)) return;
      const body = await (await r.response())?.body().catch(() => undefined);
      loaded.push({ url: new URL(r.url()).pathname, type, bytes: body?.length ?? 0 });
    });
    await page.goto(`${site!.url}/models/${MODEL}/`);
    // Scroll through the page first: the charts above load their own islands when they come into view.
    await page.locator('footer').scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const section = page.locator('rtt-hosts');
    await expect(section).toContainText('not time to first token');
    // Page weight: before the press, no measuring code, no host list, no request to any host.
    const before = loaded.map((l) => l.url);
    const beforeBytes = loaded.reduce((n, l) => n + l.bytes, 0);
    expect(before.filter((u) => u.includes('rtt-hosts') || u.endsWith('.json'))).toEqual([]);
    expect(calls).toEqual([]);

    await section.getByRole('button', { name: 'Measure from your browser' }).click();
    const status = section.getByRole('status');
    await expect(status).toContainText('Fastest from here', { timeout: 30_000 });
    const added = loaded.filter((l) => !before.includes(l.url));
    expect(added).toHaveLength(2);
    expect(added.filter((l) => l.type === 'script').map((l) => l.url)).toEqual([
      expect.stringMatching(/^\/_astro\/rtt-hosts-.*\.js$/),
    ]);
    expect(added.filter((l) => l.type === 'fetch').map((l) => l.url)).toEqual([`/performance/rtt/${MODEL}.json`]);
    expect(added.every((l) => l.bytes > 0)).toBe(true);
    expect(beforeBytes).toBeGreaterThan(0);

    const table = section.getByRole('table');
    await expect(table).toContainText('Network round trip (not time to first token)');
    await expect(table.locator('thead th')).toHaveText([
      'Rank',
      'API host',
      'Network round trip (not time to first token)',
      'Provider',
      'Recorded time to first token',
    ]);
    const rows = table.locator('tbody tr');
    const cells = async (i: number) => rows.nth(i).locator('td, th').allTextContents();
    await expect(rows).toHaveCount(6); // five hosts (twin shares fast2's) and the relay without an API
    const ranked = await Promise.all([0, 1, 2, 3, 4, 5].map(cells));
    expect(ranked.map((c) => [c[0], c[1]])).toEqual([
      ['1', 'api.acme.example.com'],
      ['2', 'api.fast2.example.net'],
      ['3', 'api.slow.example.net'],
      ['—', 'api.silent.example.net'],
      ['—', 'api.refused.example.net'],
      ['—', 'No public API host'],
    ]);
    expect(ranked[1]![3]).toBe('Fast2 Host, Twin Host');
    for (const c of ranked.slice(0, 3)) expect(c[2]).toMatch(/^\d+ ms \(fastest \d+ ms, first \d+ ms\)$/);
    expect(Number(/^(\d+)/.exec(ranked[2]![2]!)![1])).toBeGreaterThanOrEqual(290);
    expect(ranked[3]![2]).toBe('Timed out');
    expect(ranked[4]![2]).toBe('Blocked or refused');
    expect(ranked[5]!.slice(2, 4)).toEqual(['No public API host', 'Relay Router']);
    // The TTFT sample of Acme's offering, from the YAML, beside its round trip.
    const acme = parse(readFileSync(join(data, 'offerings/acme/acme/atlas-2.yaml'), 'utf8')) as {
      performance: { region: string; ttft_ms: { p50: number } }[];
    };
    expect(ranked[0]![4]).toContain(`${acme.performance[0]!.ttft_ms.p50} ms`);
    expect(ranked[0]![4]).toContain(acme.performance[0]!.region);
    expect(ranked[1]![4]).toBe('No samples');
    await expect(status).toHaveText(
      'Fastest from here: api.acme.example.com (Acme Cloud), ' +
        (await status.textContent())!.match(/\d+ ms median/)![0] +
        ' network round trip. 3 of 5 hosts measured; 1 timed out, 1 blocked or refused.',
    );

    // The requests: HEAD to the origin's root, one host at a time per origin, no body, key or cookie.
    const per = (o: string) => calls.filter((c) => c.origin === o).length;
    expect(per('https://api.acme.example.com')).toBe(5);
    expect(per('https://api.fast2.example.net')).toBe(5); // two providers, one host: measured once
    expect(per('https://api.slow.example.net')).toBe(5);
    expect(per('https://api.silent.example.net')).toBe(1);
    expect(per('https://api.refused.example.net')).toBe(1);
    for (const c of calls) {
      expect(c.method).toBe('HEAD');
      expect(c.body).toBeNull();
      expect(Object.keys(c.headers).filter((h) => /authorization|api-key|cookie|referer/i.test(h))).toEqual([]);
    }
  });

  test('/performance/ measures the model picked there and allows exactly the hosts it can measure', async ({ page }) => {
    test.setTimeout(60_000);
    const calls: Call[] = [];
    await routeHosts(page, calls);
    await page.goto(`${site!.url}/performance/`);
    // Models with two or more hosts in the fixture: Atlas 2 only; the policy allows its hosts.
    expect(connectSrc(await cspOf(page))).toEqual(["'self'", ...originsOf(data, MODEL)]);
    const hosts = originsOf(data, MODEL).length;
    const select = page.getByLabel('Model to measure');
    await expect(select.locator('option')).toHaveText([`Atlas 2 (${hosts} hosts)`]);
    await select.selectOption({ label: `Atlas 2 (${hosts} hosts)` });
    expect(calls).toEqual([]);
    await page.getByRole('button', { name: 'Measure from your browser' }).click();
    await expect(page.getByRole('status')).toContainText(`3 of ${hosts} hosts measured; 1 timed out, 1 blocked or refused.`, {
      timeout: 30_000,
    });
    await expect(page.locator('rtt-hosts tbody tr').first().locator('td').first()).toHaveText('1');
    await expect(page.getByRole('heading', { name: 'Regions and data residency' })).toBeVisible();
    // The table the island wrote passes axe, in light and dark.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page })
        .include('main')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }
  });
});

test("the CSP of a real model page allows exactly its providers' API origins, computed from data/", async ({ page }) => {
  const model = 'meta/llama-3.3-70b';
  const expected = originsOf(join(ROOT, 'data'), model);
  expect(expected.length).toBeGreaterThan(5);
  await page.goto(`/models/${model}/`);
  expect(connectSrc(await cspOf(page))).toEqual(["'self'", ...expected]);
  await expect(page.locator('rtt-hosts')).toContainText(`each of the ${expected.length} API hosts`);
  // A page without the button keeps the base policy.
  await page.goto('/providers/');
  expect(connectSrc(await cspOf(page))).toBeUndefined();
});
