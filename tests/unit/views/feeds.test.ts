import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atomDate, atomFeed, xmlEscape } from '../../../src/core/atom.ts';
import { changeFeed } from '../../../src/views/feeds/changes.ts';
import { checkXml } from '../../support/feed-xml.ts';
import { withPrice } from '../../support/priced.ts';

test('xmlEscape escapes & < > " \' and drops forbidden control characters', () => {
  assert.equal(xmlEscape(`<a href="x">'&'</a>\u0001`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
});

test('atomDate: day and month-only data dates → RFC 3339 at midnight UTC', () => {
  assert.equal(atomDate('2026-03-04'), '2026-03-04T00:00:00Z');
  assert.equal(atomDate('2026-03'), '2026-03-01T00:00:00Z');
});

const feed = (
  entries = [
    { id: 'urn:x:1', title: 'A <b> & "c"', date: '2026-02-01', link: 'https://e.x/a?x=1&y=2', summary: '</summary><script>' },
  ],
) =>
  atomFeed({
    id: 'https://e.x/f.xml',
    title: 'T & T',
    link: 'https://e.x/',
    self: 'https://e.x/f.xml',
    fallbackDate: '2026-01-01',
    entries,
  });

test('the feed is well-formed Atom with id, title, updated and entries', () => {
  const xml = feed();
  const root = checkXml(xml);
  assert.equal(root.name, 'feed');
  for (const el of ['id', 'title', 'updated', 'author'])
    assert.ok(
      root.children.some((c) => c.name === el),
      el,
    );
  const entries = root.children.filter((c) => c.name === 'entry');
  assert.equal(entries.length, 1);
  for (const el of ['id', 'title', 'updated', 'link', 'summary'])
    assert.ok(
      entries[0]!.children.some((c) => c.name === el),
      el,
    );
  assert.match(xml, /<updated>2026-02-01T00:00:00Z<\/updated>/);
  assert.doesNotMatch(xml, /<script>/);
});

test('an empty feed is still valid and dated by the fallback (never the clock)', () => {
  const xml = feed([]);
  checkXml(xml);
  assert.match(xml, /<updated>2026-01-01T00:00:00Z<\/updated>/);
});

test('changeFeed lists price changes up to the data date, newest first, with absolute links', () => {
  const provider = { name: 'Acme Cloud' };
  const offerings = [
    withPrice({
      id: 'acme/x/m',
      provider: 'acme',
      model: 'x/m',
      provider_model_id: 'm',
      providerRecord: provider,
      modelRecord: { name: 'M' },
      pricing: { currency: 'USD' },
      price_history: [
        { effective_from: '2026-01-01', input: 2, output: 8 },
        { effective_from: '2026-03-01', input: 1, output: 4 },
        { effective_from: '2027-01-01', input: 0.5, output: 2 },
      ],
    }),
  ];
  const xml = changeFeed(
    offerings,
    [{ id: 'x/m', name: 'M', release_date: '2025-12-01' }],
    '2026-06-01',
    'https://site.example/',
  );
  const root = checkXml(xml);
  const titles = root.children.filter((c) => c.name === 'entry').map((e) => e.children.find((c) => c.name === 'title')!.text);
  assert.deepEqual(titles, ['M at Acme Cloud: price changed', 'M released']);
  assert.match(xml, /\$2 in \/ \$8 out → \$1 in \/ \$4 out/);
  assert.match(xml, /href="https:\/\/site\.example\/models\/x\/m\/"/);
});
