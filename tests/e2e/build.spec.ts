/**
 * The build itself: reproducible (byte-identical output whatever the time zone or locale) and
 * all-or-nothing (a failed build leaves the previous output in place).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST } from '../support/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const hashTree = (dir: string) =>
  new Map(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => {
        const f = join(e.parentPath, e.name);
        return [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')] as const;
      }),
  );
const build = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['tools/build.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

test.describe.configure({ mode: 'serial' });

test('two builds of the same commit are byte-identical, whatever the time zone and locale', async () => {
  test.setTimeout(15 * 60_000);
  const out = mkdtempSync(join(tmpdir(), 'atlas-repro-'));
  try {
    const r = build({
      BUILD_DIR: join(out, 'dist'),
      ASTRO_CACHE_DIR: join(out, 'cache'),
      // The PNG share cards are content-addressed renders of the same SVG: reuse the first build's
      // (rendering 1,154 again costs ~30 s); every page and every other file is built anew.
      SHARE_PNG_CACHE: resolve(process.env.ASTRO_CACHE_DIR ?? join(ROOT, 'node_modules/.astro'), 'share-png'),
      TZ: 'Pacific/Kiritimati',
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'de_DE.UTF-8',
    });
    expect(r.status, r.stderr).toBe(0);
    const a = hashTree(DIST);
    const b = hashTree(join(out, 'dist'));
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    expect(a.size).toBeGreaterThan(5);
    expect(differing.slice(0, 20)).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a build with an invalid record exits 1, lists every problem and keeps the last good output', () => {
  const out = mkdtempSync(join(tmpdir(), 'atlas-fail-'));
  try {
    const data = join(out, 'data');
    cpSync(join(ROOT, 'tests/fixtures/hostile'), data, { recursive: true });
    writeFileSync(join(data, 'models/evil/pwn-1.yaml'), 'name: Pwn\norganization: evil\ncontxt_window: 10\n');
    writeFileSync(join(data, 'providers/evil-host.yaml'), 'name: Host\nkind: reseller\nwebsite: http://evil.example.com\n');
    const target = join(out, 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'last good build');
    const r = build({ DATA_DIR: data, BUILD_DIR: target, ASTRO_CACHE_DIR: join(out, 'cache') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /models\/evil\/pwn-1\.yaml:3:1 contxt_window: Unknown field "contxt_window"; did you mean "context_window"\?/,
    );
    expect(r.stderr).toMatch(/providers\/evil-host\.yaml:2:7 kind: /);
    expect(r.stderr).toMatch(/providers\/evil-host\.yaml:3:10 website: /);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('last good build');
    expect(readdirSync(target)).toEqual(['index.html']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
