import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiOrigin,
  inPool,
  rankRtt,
  RTT_MARK,
  rttCellText,
  rttOutcome,
  rttSummaryText,
  sampleHost,
  summarizeRtt,
  type RttOutcome,
  type RttPlan,
  type RttSample,
} from '../../../src/core/rtt.ts';

const p = (name: string, ttft = '') => ({ name, href: `/providers/${name.toLowerCase()}/`, ttft });
const measured = (times: number[]): RttOutcome => rttOutcome(times);

test('apiOrigin keeps https origins only', () => {
  assert.equal(apiOrigin('https://api.groq.com/openai/v1'), 'https://api.groq.com');
  assert.equal(apiOrigin('http://api.example.com/v1'), undefined);
  assert.equal(apiOrigin('not a url'), undefined);
  assert.equal(apiOrigin(undefined), undefined);
});

test('summarizeRtt: the first request pays for the connection; the median is over the warm ones', () => {
  assert.deepEqual(summarizeRtt([100, 30, 20, 40, 25]), { firstMs: 100, medianMs: 25, minMs: 20, count: 5 });
  assert.equal(summarizeRtt([50]), undefined);
});

test('sampleHost stops at the first failure, so a refused or silent host is asked once', async () => {
  const answers: RttSample[] = [80, 20, 'timeout', 30];
  let asked = 0;
  assert.deepEqual(await sampleHost(async () => answers[asked++]!, 4), [80, 20, 'timeout']);
  asked = 0;
  const refused: RttSample[] = ['blocked', 10];
  assert.deepEqual(await sampleHost(async () => refused[asked++]!, 5), ['blocked']);
  assert.equal(asked, 1);
  let n = 0;
  assert.deepEqual(await sampleHost(async () => ++n, 3), [1, 2, 3]);
});

test('rttOutcome: two answers make a measurement; otherwise the failure, never a time of 0', () => {
  assert.equal(rttOutcome([90, 20, 'timeout']).kind, 'measured');
  assert.deepEqual(rttOutcome(['timeout']), { kind: 'timeout' });
  assert.deepEqual(rttOutcome(['blocked']), { kind: 'blocked' });
  assert.deepEqual(rttOutcome([40, 'blocked']), { kind: 'blocked' });
  assert.deepEqual(rttOutcome([40]), { kind: 'too-few' });
  assert.deepEqual(rttOutcome([]), { kind: 'too-few' });
  assert.equal(rttCellText({ kind: 'timeout' }), 'Timed out');
  assert.equal(rttCellText({ kind: 'blocked' }), 'Blocked or refused');
  assert.equal(rttCellText(measured([81.4, 20.2, 23.6, 30])), '24 ms (fastest 20 ms, first 81 ms)');
});

test('inPool runs at most `cap` at once and keeps the order of the items', async () => {
  let running = 0;
  let peak = 0;
  const out = await inPool([5, 1, 4, 2, 3, 1, 2], 3, async (x) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, x * 3));
    running--;
    return x * 10;
  });
  assert.deepEqual(out, [50, 10, 40, 20, 30, 10, 20]);
  assert.equal(peak, 3);
  assert.deepEqual(await inPool([], 4, async (x: number) => x), []);
});

const plan: RttPlan = {
  model: 'Atlas',
  hosts: [
    { origin: 'https://a.example', providers: [p('Alpha', '200 ms from eu-west, 1 Nov 2026')] },
    { origin: 'https://b.example', providers: [p('Beta'), p('Bravo')] },
    { origin: 'https://c.example', providers: [p('Charlie')] },
    { origin: 'https://d.example', providers: [p('Delta')] },
    { origin: 'https://e.example', providers: [p('Echo')] },
    { origin: 'https://f.example', providers: [p('Foxtrot')] },
  ],
  noHost: [p('Golf')],
};

test('rankRtt: measured hosts by median warm round trip; failures after them, unranked; providers without a host last', () => {
  const rows = rankRtt(plan, [
    measured([400, 300, 310, 305]),
    measured([50, 12, 11, 13]),
    { kind: 'blocked' },
    { kind: 'timeout' },
    measured([60, 20, 21, 19]),
    measured([40, 12, 11, 13]), // ties b.example's median: the faster first request wins
  ]);
  assert.deepEqual(
    rows.map((r) => [r.rank, r.host, r.kind]),
    [
      [1, 'f.example', 'measured'],
      [2, 'b.example', 'measured'],
      [3, 'e.example', 'measured'],
      [4, 'a.example', 'measured'],
      [undefined, 'd.example', 'timeout'],
      [undefined, 'c.example', 'blocked'],
      [undefined, RTT_MARK.noHost, 'no-host'],
    ],
  );
  assert.deepEqual(
    rows[1]!.providers.map((x) => x.name),
    ['Beta', 'Bravo'],
  );
  assert.equal(rows[3]!.providers[0]!.ttft, '200 ms from eu-west, 1 Nov 2026');
  assert.equal(rows[4]!.rtt, 'Timed out');
  assert.equal(rows[5]!.rtt, 'Blocked or refused');
  assert.equal(rows[6]!.rtt, 'No public API host');
  assert.equal(rows[6]!.providers[0]!.name, 'Golf');
  assert.equal(
    rttSummaryText(rows),
    'Fastest from here: f.example (Foxtrot), 12 ms median network round trip. 4 of 6 hosts measured; 1 timed out, 1 blocked or refused.',
  );
});

test('rttSummaryText when nothing answered', () => {
  const rows = rankRtt({ hosts: plan.hosts.slice(0, 1), noHost: [] }, [{ kind: 'blocked' }]);
  assert.equal(rows[0]!.rank, undefined);
  assert.equal(rttSummaryText(rows), 'No host answered. 0 of 1 host measured; 1 blocked or refused.');
});
