/**
 * One home for price normalization: the linked catalog (src/model/link.ts) calls `priceView`
 * (src/core/price.ts) once per offering, and every other module reads `offering.price`. No other
 * module converts a listed price to USD: it neither calls the conversion functions nor multiplies
 * by a record's `usd_rate`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scriptsOf, sourceFiles } from './scan.ts';

const HOME = ['src/core/price.ts', 'src/model/link.ts'];
/**
 * The cost engine prices whatever record it is handed (the site hands it the view's USD record),
 * so it reads the one currency rule, `usdPerUnit`, from price.ts; nothing else.
 */
const RATE_RULE_READERS: Record<string, string[]> = { 'src/core/cost.ts': ['usdPerUnit'] };
/** The conversion functions, past and present. */
const CONVERTERS = ['toUsd', 'priceView', 'usdPerUnit', 'usdRate', 'usdMetersOf'];

/** Conversions in one piece of code: calls or imports of a converter, or a product with a rate. */
export const conversionsIn = (code: string, allowed: string[] = []): string[] => {
  const found: string[] = [];
  for (const name of CONVERTERS) if (!allowed.includes(name) && new RegExp(`\\b${name}\\b`).test(code)) found.push(name);
  if (/usd_per_unit\s*\*|\*\s*[\w.?!]*usd_per_unit/.test(code)) found.push('× usd_per_unit');
  return found;
};

test('the scanner sees a conversion call and a product with the rate', () => {
  assert.deepEqual(conversionsIn("import { toUsd } from './price.ts'; toUsd(3, p);"), ['toUsd']);
  assert.deepEqual(conversionsIn('const usd = price * p.usd_rate.usd_per_unit;'), ['× usd_per_unit']);
  assert.deepEqual(conversionsIn('const r = [p.usd_rate.usd_per_unit, p.usd_rate.as_of];'), []);
  assert.deepEqual(conversionsIn('usdPerUnit(p)', ['usdPerUnit']), []);
});

test('prices are converted to USD in src/core/price.ts and src/model/link.ts only', () => {
  const offenders = sourceFiles()
    .filter((f) => !HOME.includes(f))
    .flatMap((f) => {
      const found = scriptsOf(f, readFileSync(f, 'utf8')).flatMap(({ code }) => conversionsIn(code, RATE_RULE_READERS[f]));
      return found.length ? [`${f}: ${[...new Set(found)].join(', ')}`] : [];
    });
  assert.deepEqual(offenders, [], 'read `offering.price` (the catalog’s price view) instead of converting');
});

test('the linked catalog builds the one price view per offering', () => {
  assert.match(readFileSync('src/model/link.ts', 'utf8'), /price: priceView\(o\.pricing, o\.price_history\b/);
});
