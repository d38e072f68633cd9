import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldLine, icsCalendar, icsDate, icsEscape } from '../../../src/core/ics.ts';
import { retirementCalendar } from '../../../src/views/feeds/retirements.ts';
import { parseIcs } from '../../support/ics-parse.ts';

test('icsEscape: backslash, semicolon, comma and newlines', () => {
  assert.equal(icsEscape('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

test('foldLine: no line over 75 octets, continuation lines start with a space, UTF-8 kept whole', () => {
  const line = `SUMMARY:${'é'.repeat(100)}`;
  const folded = foldLine(line);
  for (const l of folded.split('\r\n')) assert.ok(new TextEncoder().encode(l).length <= 75);
  assert.equal(
    folded
      .split('\r\n')
      .map((l, i) => (i ? l.slice(1) : l))
      .join(''),
    line,
  );
  assert.equal(foldLine('short'), 'short');
});

test('icsDate: day and month-only dates', () => {
  assert.equal(icsDate('2026-02-19'), '20260219');
  assert.equal(icsDate('2026-02'), '20260201');
});

test('the calendar parses: CRLF, folded lines, one all-day event per date, escaped text', () => {
  const ics = icsCalendar(
    'Cal',
    [
      {
        uid: 'a@x',
        date: '2026-12-31',
        summary: 'Model, v2; old',
        description: 'Line 1\nLine 2 '.repeat(10),
        url: 'https://x.example/m/',
      },
    ],
    '2026-11-01',
  );
  assert.ok(ics.endsWith('\r\n'));
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /\n/);
  const cal = parseIcs(ics);
  assert.equal(cal.events.length, 1);
  const e = cal.events[0]!;
  assert.equal(e['DTSTART;VALUE=DATE'], '20261231');
  assert.equal(e['DTEND;VALUE=DATE'], '20270101');
  assert.equal(e.SUMMARY, 'Model, v2; old');
  assert.equal(e.DESCRIPTION, 'Line 1\nLine 2 '.repeat(10));
  assert.equal(e.DTSTAMP, '20261101T000000Z');
});

test('retirementCalendar: summary names model, provider and successor; UIDs unique', () => {
  const ics = retirementCalendar(
    [
      {
        id: 'x/m',
        name: 'M',
        provider: undefined,
        date: '2026-12-01',
        kind: 'retirement',
        successor: { id: 'x/n', name: 'N' },
        path: '/models/x/m/',
      },
      {
        id: 'p/x/m',
        name: 'M',
        provider: 'P',
        date: '2026-12-02',
        kind: 'deprecation',
        successor: undefined,
        path: '/models/x/m/',
      },
    ],
    '2026-11-01',
    'https://site.example/',
  );
  const { events } = parseIcs(ics);
  assert.deepEqual(
    events.map((e) => e.SUMMARY),
    ['M retires', 'M at P is deprecated'],
  );
  assert.equal(events[0]!.DESCRIPTION, 'Successor: N (x/n).');
  assert.equal(new Set(events.map((e) => e.UID)).size, 2);
  assert.equal(events[0]!.URL, 'https://site.example/models/x/m/');
});
