import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  catalogCardSvgs,
  modelCard,
  providerCard,
  shareCardAlt,
  shareCardSvg,
  siteCard,
  wrapText,
} from '../../../src/views/feeds/og.ts';
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

test('the card lays out top to bottom: a two-line title and subtitle never overlap the facts, all inside 630 px', () => {
  const svg = shareCardSvg({
    kicker: 'Model',
    title: 'A very long model name that wraps onto two lines',
    subtitle: 'A subtitle long enough to wrap onto a second line of the card, and then some more words',
    facts: ['one', 'two', 'three', 'four'],
  });
  const ys = [...svg.matchAll(/<text x="80" y="(\d+)"/g)].map((m) => Number(m[1]));
  assert.equal(ys.length, 1 + 2 + 2 + 4);
  for (let i = 1; i < ys.length; i++) assert.ok(ys[i]! - ys[i - 1]! >= 40, `line ${i} at ${ys[i]} after ${ys[i - 1]}`);
  assert.ok(ys.at(-1)! <= 600);
  assert.match(svg, /font-family="Inter/);
});

test('the alt text states what the card shows; the site card counts providers, models and offerings', () => {
  const card = siteCard({ providers: 12, models: 1200, offerings: 3400 });
  assert.deepEqual(card.facts, ['12 providers', '1,200 models', '3,400 offerings']);
  assert.equal(
    shareCardAlt({ kicker: 'Model', title: 'M', subtitle: 'By X · x/m', facts: ['2 providers'] }),
    'M: By X · x/m. 2 providers.',
  );
});

test('catalogCardSvgs: the site card, then each provider, then each model, as the endpoints build them', () => {
  const offerings = [withPrice({ provider: 'acme', model: 'x/m', pricing: { billing: 'usage' as const, input: 1, output: 2 } })];
  const p = { name: 'Acme', kind: 'inference' as const, offerings };
  const m = { name: 'M', id: 'x/m', organizationRecord: { name: 'X' }, offerings };
  assert.deepEqual(catalogCardSvgs({ providers: [p], models: [m], offerings }), [
    shareCardSvg(siteCard({ providers: 1, models: 1, offerings: 1 })),
    shareCardSvg(providerCard(p)),
    shareCardSvg(modelCard(m)),
  ]);
});
