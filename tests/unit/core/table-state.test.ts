import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allOf,
  applyInput,
  ariaSort,
  choiceParam,
  compareValues,
  countParam,
  filterRows,
  flagParam,
  hasAll,
  hasText,
  listParam,
  readState,
  sortParam,
  sortRows,
  stateSearch,
  textParam,
  toggleSort,
  writeState,
  type Schema,
  type Sort,
} from '../../../src/core/table-state.ts';

interface View {
  q: string;
  kind: 'any' | 'cloud' | 'gateway';
  tags: string[];
  ctx: number;
  old: boolean;
  sort: Sort<'name' | 'price'>;
}
const schema: Schema<View> = {
  q: textParam('q', 10),
  kind: choiceParam('kind', ['any', 'cloud', 'gateway'], 'any'),
  tags: listParam('tag', { allowed: ['a', 'b', 'c'], sorted: true }),
  ctx: countParam('ctx'),
  old: flagParam('old'),
  sort: sortParam(['name', 'price'], { key: 'price', dir: 'asc' }),
};
const DEFAULT: View = { q: '', kind: 'any', tags: [], ctx: 0, old: false, sort: { key: 'price', dir: 'asc' } };
const view = (over: Partial<View> = {}): View => ({ ...DEFAULT, ...over });

test('the default state is the bare URL, and reads back', () => {
  assert.equal(stateSearch(schema, DEFAULT), '');
  assert.deepEqual(readState(schema, ''), DEFAULT);
  assert.deepEqual(readState(schema, '?'), DEFAULT);
});

test('every field round-trips, written in schema order, defaults left out', () => {
  const v = view({ q: 'llama', kind: 'cloud', tags: ['a', 'c'], ctx: 128_000, old: true, sort: { key: 'name', dir: 'desc' } });
  const search = stateSearch(schema, v);
  assert.equal(search, '?q=llama&kind=cloud&tag=a,c&ctx=128000&old=1&sort=name&dir=desc');
  assert.deepEqual(readState(schema, search), v);
  assert.deepEqual(readState(schema, new URLSearchParams(search)), v);
  assert.equal(stateSearch(schema, view({ kind: 'gateway' })), '?kind=gateway');
});

test('the sort: key alone when ascending, dir only with desc, the default key kept when reversed', () => {
  assert.equal(stateSearch(schema, view({ sort: { key: 'name', dir: 'asc' } })), '?sort=name');
  assert.equal(stateSearch(schema, view({ sort: { key: 'price', dir: 'desc' } })), '?sort=price&dir=desc');
  assert.deepEqual(readState(schema, 'dir=desc').sort, { key: 'price', dir: 'desc' });
  const free = { sort: sortParam<string>(undefined) };
  assert.deepEqual(readState(free, 'sort=anything'), { sort: { key: 'anything', dir: 'asc' } });
  assert.deepEqual(readState(free, 'dir=desc'), { sort: undefined });
  assert.equal(writeState<{ sort: Sort | undefined }>(free, { sort: undefined }).toString(), '');
});

test('bad values give the defaults, never throw', () => {
  assert.deepEqual(readState(schema, 'q=%20%20&kind=evil&tag=z,,&ctx=-5&old=yes&sort=evil&dir=up'), DEFAULT);
  assert.deepEqual(readState(schema, 'ctx=1e5'), DEFAULT);
  assert.deepEqual(readState(schema, 'ctx=0x10'), DEFAULT);
  assert.equal(readState(schema, 'q=%20abcdefghijklmnop').q, 'abcdefghij');
});

test('lists: commas or repeated parameters, deduplicated, filtered, sorted, cut to max', () => {
  assert.deepEqual(readState(schema, 'tag=c&tag=a,c,z').tags, ['a', 'c']);
  const ordered = { ids: listParam('ids', { max: 2 }) };
  assert.deepEqual(readState(ordered, 'ids=b,a,b,c').ids, ['b', 'a']);
});

test('writing keeps the parameters the schema does not own', () => {
  const into = new URLSearchParams('unit=1k&q=old&sort=price&dir=desc');
  writeState(schema, view({ q: 'new' }), into);
  assert.equal(into.toString(), 'unit=1k&q=new');
});

test('a form edit: text, choices, checkbox lists and flags', () => {
  let v = applyInput(schema, DEFAULT, 'q', '  gpt ');
  assert.equal(v.q, 'gpt');
  v = applyInput(schema, v, 'kind', 'cloud');
  v = applyInput(schema, v, 'tag', 'c', true);
  v = applyInput(schema, v, 'tag', 'a', true);
  v = applyInput(schema, v, 'old', '1', true);
  assert.deepEqual(v, view({ q: 'gpt', kind: 'cloud', tags: ['a', 'c'], old: true }));
  v = applyInput(schema, v, 'tag', 'c', false);
  v = applyInput(schema, v, 'kind', 'bogus');
  v = applyInput(schema, v, 'old', '1', false);
  assert.deepEqual(v, view({ q: 'gpt', tags: ['a'] }));
  assert.equal(applyInput(schema, v, 'nope', 'x'), v);
});

const rows = [
  { id: 'a', name: 'GPT-10', price: 2, tags: ['x', 'y'] },
  { id: 'b', name: 'gpt-4', price: undefined, tags: ['x'] },
  { id: 'c', name: 'Claude', price: 0.5, tags: [] },
  { id: 'd', name: 'llama', price: 2, tags: ['y'] },
];
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

test('filter: every test that is on must pass; undefined tests are off', () => {
  assert.deepEqual(ids(filterRows(rows, [undefined, (r) => hasAll(r.tags, ['x'])])), ['a', 'b']);
  assert.deepEqual(ids(filterRows(rows, [(r) => hasText(r.name, ' GPT '), (r) => r.price !== undefined])), ['a']);
  assert.deepEqual(ids(rows.filter(allOf([]))), ['a', 'b', 'c', 'd']);
  assert.equal(hasText('anything', '  '), true);
});

test('sort: stable, by value in either direction, unknowns last both ways', () => {
  assert.deepEqual(ids(sortRows(rows, (r) => r.price, 'asc')), ['c', 'a', 'd', 'b']);
  assert.deepEqual(ids(sortRows(rows, (r) => r.price, 'desc')), ['a', 'd', 'c', 'b']);
  assert.deepEqual(ids(sortRows(rows, (r) => r.price, 'desc', { tie: (x, y) => (x.id < y.id ? 1 : -1) })), ['d', 'a', 'c', 'b']);
  assert.deepEqual(ids(sortRows(rows, (r) => r.name, 'asc')), ['c', 'b', 'a', 'd']);
  assert.deepEqual(ids(rows), ['a', 'b', 'c', 'd'], 'the input is not changed');
});

test('sort groups come first, ascending whatever the direction', () => {
  const group = (r: (typeof rows)[number]) => (r.id === 'c' ? 1 : 0);
  assert.deepEqual(ids(sortRows(rows, (r) => r.price, 'desc', { group })), ['a', 'd', 'b', 'c']);
});

test('values: numbers before text, text natural and case-blind, NaN unknown', () => {
  const vals = ['not published', 2, null, 0.5, 'free', Number.NaN];
  assert.deepEqual([...vals].sort((a, b) => compareValues(a, b, 'asc')).slice(0, 4), [0.5, 2, 'free', 'not published']);
  assert.deepEqual([...vals].sort((a, b) => compareValues(a, b, 'desc')).slice(0, 4), [2, 0.5, 'not published', 'free']);
  assert.ok(compareValues('gpt-4', 'gpt-10', 'asc') < 0);
  assert.equal(compareValues('Claude', 'claude', 'asc'), 0);
});

test('a header click flips its column, another starts in its first direction', () => {
  assert.deepEqual(toggleSort(undefined, 'name'), { key: 'name', dir: 'asc' });
  assert.deepEqual(toggleSort({ key: 'name', dir: 'asc' }, 'name'), { key: 'name', dir: 'desc' });
  assert.deepEqual(toggleSort({ key: 'name', dir: 'desc' }, 'price', 'desc'), { key: 'price', dir: 'desc' });
  assert.equal(ariaSort({ key: 'name', dir: 'desc' }, 'name'), 'descending');
  assert.equal(ariaSort({ key: 'name', dir: 'desc' }, 'price'), undefined);
  assert.equal(ariaSort(undefined, 'price'), undefined);
});

test('query strings keep commas, slashes and colons readable, and read back the same', () => {
  const ids = { ids: listParam('ids') };
  const search = stateSearch(ids, { ids: ['meta/llama-3.3-70b', 'in:image'] });
  assert.equal(search, '?ids=meta/llama-3.3-70b,in:image');
  assert.deepEqual(readState(ids, search).ids, ['meta/llama-3.3-70b', 'in:image']);
  assert.equal(stateSearch({ q: textParam('q') }, { q: 'a&b c' }), '?q=a%26b+c');
});
