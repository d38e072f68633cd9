/**
 * The header's theme toggle on the production build: System by default (the OS decides), Light and
 * Dark kept in localStorage and applied by a classic script in <head>, before the stylesheets paint,
 * on every page; a radio group that works with the keyboard; hidden without JS, where it could not work.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from '../support/site.ts';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('theme'));

test('every page loads the theme script in <head>, classic and before any stylesheet, and has the toggle', () => {
  const bad: string[] = [];
  for (const p of builtPages()) {
    const head = p.html.slice(0, p.html.indexOf('</head>'));
    const script = head.search(/<script src="\/_astro\/theme-init-[\w-]+\.js"><\/script>/);
    const css = head.search(/<link rel="stylesheet"/);
    if (script < 0 || (css >= 0 && css < script)) bad.push(`${p.url}: theme script`);
    if (!p.html.includes('<fieldset class="theme-toggle">')) bad.push(`${p.url}: toggle`);
  }
  expect(bad.slice(0, 10)).toEqual([]);
});

test.describe('with a dark operating system', () => {
  test.use({ colorScheme: 'dark' });

  test('System follows the OS; Light and Dark stick across pages with no flash; arrow keys move between them', async ({
    page,
  }) => {
    await page.goto('/');
    const group = page.getByRole('banner').getByRole('group', { name: 'Colour theme' });
    await expect(group.getByRole('radio', { name: 'System theme' })).toBeChecked();
    expect(await theme(page)).toBeNull();
    const dark = await background(page);

    await group.getByRole('radio', { name: 'Light theme' }).check();
    expect([await theme(page), await stored(page)]).toEqual(['light', 'light']);
    const light = await background(page);
    expect(light).not.toBe(dark);

    // Another page with every module script blocked: the head script alone applies the choice.
    await page.route('**/_astro/*.js', (route) =>
      route.request().url().includes('/theme-init-') ? route.continue() : route.abort(),
    );
    await page.goto('/providers/');
    expect([await theme(page), await background(page)]).toEqual(['light', light]);
    await page.unrouteAll();

    await page.goto('/changes/');
    await group.getByRole('radio', { name: 'Light theme' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: 'Dark theme' })).toBeChecked();
    expect([await theme(page), await stored(page), await background(page)]).toEqual(['dark', 'dark', dark]);
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: 'System theme' })).toBeChecked();
    expect([await theme(page), await stored(page), await background(page)]).toEqual([null, null, dark]);
  });
});

test.describe('without JS', () => {
  test.use({ javaScriptEnabled: false, colorScheme: 'dark' });

  test('the toggle is hidden (it could not work) and the OS theme applies', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('group', { name: 'Colour theme' })).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();
  });
});
