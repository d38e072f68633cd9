/** Every built page is valid HTML by html-validate's recommended rules. */
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { builtPages } from '../support/site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro's compressHTML joins inline elements; whitespace is not meaningful here.
    'no-trailing-whitespace': 'off',
  },
});

test('0 html-validate errors across the whole build', async () => {
  const pages = builtPages();
  const errors: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.url);
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(pages.length).toBeGreaterThan(3);
  expect(errors, errors.slice(0, 50).join('\n')).toEqual([]);
});
