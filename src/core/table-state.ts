/**
 * The one table-state engine of the site's tables (provider tables, /models/, /pricing/,
 * /compare/): the view's state in the URL (read, written with defaults left out, round-trip),
 * filtering by a list of tests, and a stable sort by key and direction with unknown values last.
 * Pure and browser-safe: no DOM, no location; islands pass `location.search` in and write the
 * query string it returns.
 */

/** How one piece of state reads from and writes to the URL. */
export interface Param<T> {
  default: T;
  /** The value in `params`, or undefined when absent or invalid (the default then applies). */
  read: (params: URLSearchParams) => T | undefined;
  /** The [name, value] pairs of a value, in order; the default's pairs are never written. */
  write: (value: T) => [string, string][];
  /** Parameter names this piece owns (cleared before writing). */
  names: readonly string[];
  /** How a form control edits it: a list toggles values (checkboxes), a flag is one checkbox. */
  kind?: 'list' | 'flag';
}

/** A state's URL form: one Param per key of the state, written in this order. */
export type Schema<S> = { [K in keyof S]: Param<S[K]> };

const params = (query: string | URLSearchParams): URLSearchParams =>
  typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;

/** Free text, trimmed and cut to `max` characters; "" is the default. */
export const textParam = (name: string, max = 200): Param<string> => ({
  default: '',
  names: [name],
  read: (p) => p.get(name)?.trim().slice(0, max) || undefined,
  write: (v) => (v === '' ? [] : [[name, v]]),
});

/** One of `values`. */
export const choiceParam = <T extends string>(name: string, values: readonly T[], fallback: T): Param<T> => ({
  default: fallback,
  names: [name],
  read: (p) => {
    const v = p.get(name);
    return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
  },
  write: (v) => [[name, v]],
});

/** A positive whole number written in digits ("128000"); 0 is the default (off). */
export const countParam = (name: string): Param<number> => ({
  default: 0,
  names: [name],
  read: (p) => {
    const raw = p.get(name) ?? '';
    const n = Number(raw);
    return /^\d+$/.test(raw) && n > 0 && Number.isSafeInteger(n) ? n : undefined;
  },
  write: (v) => (v > 0 ? [[name, String(v)]] : []),
});

/** On when the parameter is "1"; off (the default) otherwise. */
export const flagParam = (name: string): Param<boolean> => ({
  kind: 'flag',
  default: false,
  names: [name],
  read: (p) => (p.get(name) === '1' ? true : undefined),
  write: (v) => (v ? [[name, '1']] : []),
});

/**
 * A list, written comma-joined ("text,image"), read from commas or repeated parameters,
 * deduplicated; `allowed` drops unknown values, `sorted` sorts them (a set), `max` cuts the list.
 */
export const listParam = <T extends string = string>(
  name: string,
  opts: { allowed?: readonly T[]; sorted?: boolean; max?: number } = {},
): Param<T[]> => ({
  kind: 'list',
  default: [],
  names: [name],
  read: (p) => {
    let vs = [
      ...new Set(
        p
          .getAll(name)
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ] as T[];
    if (opts.allowed) vs = vs.filter((v) => opts.allowed!.includes(v));
    if (opts.sorted) vs.sort();
    return vs.length ? vs.slice(0, opts.max ?? vs.length) : undefined;
  },
  write: (v) => (v.length ? [[name, v.join(',')]] : []),
});

export type SortDir = 'asc' | 'desc';
export interface Sort<K extends string = string> {
  key: K;
  dir: SortDir;
}

/**
 * The sort: `sort=<key>`, plus `dir=desc` when descending; left out when it is the default.
 * Without `keys`, any key is accepted (the table ignores the ones it lacks); without a default,
 * an unsorted table is the default (`undefined`).
 */
export function sortParam<K extends string>(keys: readonly K[] | undefined, fallback: Sort<K>): Param<Sort<K>>;
export function sortParam<K extends string>(keys: readonly K[] | undefined, fallback?: undefined): Param<Sort<K> | undefined>;
export function sortParam<K extends string>(
  keys: readonly K[] | undefined,
  fallback?: Sort<K>,
): Param<Sort<K>> | Param<Sort<K> | undefined> {
  const param: Param<Sort<K> | undefined> = {
    default: fallback,
    names: ['sort', 'dir'],
    read: (p) => {
      const key = p.get('sort');
      const dir: SortDir = p.get('dir') === 'desc' ? 'desc' : 'asc';
      if (key && (!keys || (keys as readonly string[]).includes(key))) return { key: key as K, dir };
      // `?dir=desc` alone reverses the default key.
      return fallback && dir === 'desc' ? { key: fallback.key, dir } : undefined;
    },
    write: (s) => (s ? [['sort', s.key], ...(s.dir === 'desc' ? ([['dir', 'desc']] as [string, string][]) : [])] : []),
  };
  return param;
}

const same = (a: [string, string][], b: [string, string][]) =>
  a.length === b.length && a.every(([k, v], i) => b[i]![0] === k && b[i]![1] === v);

/** The state a query string (with or without "?") or URLSearchParams asks for; never throws, bad values give defaults. */
export const readState = <S>(schema: Schema<S>, query: string | URLSearchParams): S => {
  const p = params(query);
  const out = {} as S;
  for (const key of Object.keys(schema) as (keyof S)[]) out[key] = schema[key].read(p) ?? schema[key].default;
  return out;
};

/**
 * Writes the state into `into` (default: a fresh URLSearchParams): every parameter the schema
 * owns is cleared, then each value that is not its default is appended, in schema order. Other
 * parameters of `into` are kept.
 */
export const writeState = <S>(schema: Schema<S>, state: S, into = new URLSearchParams()): URLSearchParams => {
  for (const param of Object.values(schema) as Param<unknown>[]) for (const n of param.names) into.delete(n);
  for (const key of Object.keys(schema) as (keyof S)[]) {
    const param = schema[key];
    const pairs = param.write(state[key]);
    if (!same(pairs, param.write(param.default))) for (const [k, v] of pairs) into.append(k, v);
  }
  return into;
};

/**
 * The state after the user edits one form control named like its parameter: a list adds or
 * removes `value` (a checkbox, `checked`), a flag follows `checked`, anything else reads `value`
 * as the URL would (an invalid value gives the default). Unknown names leave the state as it is.
 */
export const applyInput = <S>(schema: Schema<S>, state: S, name: string, value: string, checked = true): S => {
  for (const key of Object.keys(schema) as (keyof S)[]) {
    const param = schema[key] as Param<unknown>;
    if (!param.names.includes(name)) continue;
    let raw = value;
    if (param.kind === 'flag') raw = checked ? '1' : '';
    else if (param.kind === 'list') {
      const cur = (state[key] as string[]).filter((v) => v !== value);
      raw = (checked ? [...cur, value] : cur).join(',');
    }
    return { ...state, [key]: param.read(new URLSearchParams([[name, raw]])) ?? param.default };
  }
  return state;
};

/** Parameters as a query string (no "?"), with commas, slashes and colons left readable ("?ids=a/b,c/d"). */
export const readableQuery = (p: URLSearchParams): string =>
  p.toString().replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');

/** The state as a query string: "" for the default state, else "?a=1&b=2" (readableQuery). */
export const stateSearch = <S>(schema: Schema<S>, state: S, keep?: URLSearchParams): string => {
  const s = readableQuery(writeState(schema, state, keep ? new URLSearchParams(keep) : undefined));
  return s ? `?${s}` : '';
};

/** A row test; undefined when its filter is off. */
export type RowTest<R> = ((row: R) => boolean) | undefined;

/** The tests that are on, as one test: a row passes when it passes every one. */
export const allOf = <R>(tests: readonly RowTest<R>[]): ((row: R) => boolean) => {
  const on = tests.filter((t): t is (row: R) => boolean => t !== undefined);
  return (row) => {
    for (const t of on) if (!t(row)) return false;
    return true;
  };
};

/** The rows that pass every test that is on, in their order. */
export const filterRows = <R>(rows: readonly R[], tests: readonly RowTest<R>[]): R[] => rows.filter(allOf(tests));

/** Whether `text` holds `needle`, ignoring case and the needle's outer spaces; an empty needle matches. */
export const hasText = (text: string, needle: string): boolean => {
  const n = needle.trim().toLowerCase();
  return n === '' || text.toLowerCase().includes(n);
};

/** Whether `have` holds every one of `want`. */
export const hasAll = (have: readonly string[], want: readonly string[]): boolean => want.every((w) => have.includes(w));

/** A sort value: a number, text, or unknown (null, undefined, NaN). */
export type SortValue = number | string | null | undefined;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const unknown = (v: SortValue): v is null | undefined =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/**
 * Compares two sort values in `dir`: unknown values last and numbers before text whatever the
 * direction ("not published" stays at the bottom of a price column); text in natural order
 * ("gpt-4" before "gpt-10"), ignoring case.
 */
export const compareValues = (a: SortValue, b: SortValue, dir: SortDir): number => {
  if (unknown(a) || unknown(b)) return unknown(a) === unknown(b) ? 0 : unknown(a) ? 1 : -1;
  const sign = dir === 'desc' ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : (a - b) * sign;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b) * sign;
};

/**
 * A sorted copy of `rows`, stable: first by `group` (ascending whatever the direction, e.g.
 * "not computable" rows last), then by `value` in `dir` (unknown values last), then by `tie`,
 * then in the given order. Each value is computed once per row.
 */
export const sortRows = <R>(
  rows: readonly R[],
  value: (row: R) => SortValue,
  dir: SortDir,
  opts: { group?: ((row: R) => number) | undefined; tie?: ((a: R, b: R) => number) | undefined } = {},
): R[] => {
  const { group, tie } = opts;
  return rows
    .map((row, i) => ({ row, i, g: group ? group(row) : 0, v: value(row) }))
    .sort((a, b) => a.g - b.g || compareValues(a.v, b.v, dir) || (tie ? tie(a.row, b.row) : 0) || a.i - b.i)
    .map((x) => x.row);
};

/** The sort after a click on a column header: the same column flips, another starts in `firstDir` (default ascending). */
export const toggleSort = <K extends string>(current: Sort<K> | undefined, key: K, firstDir: SortDir = 'asc'): Sort<K> =>
  current?.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: firstDir };

/** aria-sort of a column: "ascending"/"descending" for the sorted one, else undefined. */
export const ariaSort = (sort: Sort | undefined, key: string | undefined): 'ascending' | 'descending' | undefined =>
  sort && key === sort.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
