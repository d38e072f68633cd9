/** Every built page is valid HTML by html-validate's recommended rules. */
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { builtPages } from '../support/site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro's compressHTML joins inline elements; whitespace is not meaningful here.
    'no-trailing-whitespace': 'off',
    // A group of checkboxes sharing one name is one multi-valued field (the filter forms), as valid
    // as a radio group; the rule's default only shares radios and buttons.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'submit', 'button', 'reset'] }],
  },
});

// The whole build in SHARDS tests (page i in shard i mod SHARDS), which fullyParallel spreads
// over the workers; together they validate every page.
const SHARDS = 6;
for (let shard = 0; shard < SHARDS; shard++) {
  test(`0 html-validate errors across the whole build (pages ${shard} mod ${SHARDS})`, async () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(3);
    const errors: string[] = [];
    for (let i = shard; i < pages.length; i += SHARDS) {
      const page = pages[i]!;
      const report = await validator.validateString(page.html, page.url);
      for (const r of report.results)
        for (const m of r.messages) errors.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(errors, errors.slice(0, 50).join('\n')).toEqual([]);
  });
}
