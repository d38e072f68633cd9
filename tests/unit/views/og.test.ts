import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelCard, providerCard, shareCardSvg, wrapText } from '../../../src/views/feeds/og.ts';
import { checkXml } from '../../support/feed-xml.ts';
import { withPrice } from '../../support/priced.ts';

test('wrapText: at most `lines` lines of at most `max` characters', () => {
  assert.deepEqual(wrapText('one two three four', 9, 3), ['one two', 'three', 'four']);
  const long = wrapText('a '.repeat(100), 10, 2);
  assert.equal(long.length, 2);
  assert.ok(long.every((l) => l.length <= 10));
});

test('the share card is well-formed SVG with hostile text escaped', () => {
  const svg = shareCardSvg({ kicker: 'Model', title: '</text><script>alert(1)</script>', subtitle: 'A & B', facts: ['"x"'] });
  const root = checkXml(svg);
  assert.equal(root.name, 'svg');
  assert.equal(root.attrs.width, '1200');
  assert.doesNotMatch(svg, /<script/);
});

test('provider and model cards state counts and lowest prices (USD per 1M tokens)', () => {
  const offerings = [
    withPrice({ provider: 'acme', model: 'x/m', pricing: { billing: 'usage' as const, input: 0.5, output: 2 } }),
    withPrice({ provider: 'b', model: 'x/m', pricing: { billing: 'usage' as const, input: 1, output: 1 } }),
  ];
  const p = providerCard({ name: 'Acme', kind: 'inference', offerings });
  assert.deepEqual(p.facts, ['Inference host', '1 model', 'From $0.50 in / $1.00 out per 1M tokens']);
  const m = modelCard({ name: 'M', id: 'x/m', organizationRecord: { name: 'X' }, context_window: 128000, offerings });
  assert.equal(m.facts[0], '2 providers');
  assert.match(m.facts[1]!, /128K tokens of context/);
});
