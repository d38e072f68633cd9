import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THEME_KEY, THEMES, themeAttributes, themePreference, type ThemePreference } from '../../../src/core/theme.ts';

test('a stored theme reads as light or dark; nothing or junk is the system theme', () => {
  assert.equal(themePreference('light'), 'light');
  assert.equal(themePreference('dark'), 'dark');
  for (const v of [null, undefined, '', 'system', 'Dark', 'blue']) assert.equal(themePreference(v), 'system');
  assert.deepEqual([...THEMES], ['system', 'light', 'dark']);
});

test('the system preference sets no data-theme, so prefers-color-scheme decides', () => {
  assert.deepEqual(themeAttributes('system'), { theme: undefined, pref: 'system' });
  assert.deepEqual(themeAttributes('dark'), { theme: 'dark', pref: 'dark' });
  assert.deepEqual(themeAttributes('light'), { theme: 'light', pref: 'light' });
});

test('the head script (theme-init.ts, which imports nothing) applies the same rule, and works with storage blocked', async () => {
  const g = globalThis as Record<string, unknown>;
  const cases: [string | null | 'throw', ThemePreference][] = [
    [null, 'system'],
    ['dark', 'dark'],
    ['light', 'light'],
    ['junk', 'system'],
    ['throw', 'system'],
  ];
  for (const [i, [stored, expected]] of cases.entries()) {
    const dataset: Record<string, string> = {};
    g.document = { documentElement: { dataset } };
    g.localStorage = {
      getItem: (key: string) => {
        if (stored === 'throw') throw new Error('blocked');
        return key === THEME_KEY ? stored : null;
      },
    };
    await import(`../../../src/components/shared/theme-init.ts?case=${i}`);
    const { theme, pref } = themeAttributes(themePreference(stored === 'throw' ? null : stored));
    assert.equal(pref, expected);
    assert.deepEqual(dataset, { ...(theme ? { theme } : {}), themePref: pref, js: '' });
  }
  delete g.document;
  delete g.localStorage;
});
