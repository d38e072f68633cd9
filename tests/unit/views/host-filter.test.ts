import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostChoices } from '../../../src/views/model/host-filter.ts';

test('host choices: all, official hosts only, then each kind present, with counts', () => {
  const rows = [{ kind: 'first-party' }, { kind: 'gateway' }, { kind: 'gateway' }, { kind: 'cloud' }] as const;
  assert.deepEqual(
    hostChoices(rows).map((c) => [c.value, c.count]),
    [
      ['all', 4],
      ['official', 2],
      ['first-party', 1],
      ['cloud', 1],
      ['gateway', 2],
    ],
  );
});

test('no filter when every row is of one kind, or there are none', () => {
  assert.deepEqual(hostChoices([{ kind: 'inference' }, { kind: 'inference' }]), []);
  assert.deepEqual(hostChoices([]), []);
});
