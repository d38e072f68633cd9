/**
 * The data policies checked on top of the schema (README.md, "Data policies"; every figure is in
 * src/model/limits.ts): characters allowed in text, string and list caps (on every value of a
 * record, before the schema), plausibility bounds (on a valid offering) and dates relative to the
 * data's own date (across records).
 */
import { TOKEN_METERS, UNIT_METERS } from '../core/vocab.ts';
import {
  fmt,
  FUTURE_MARGIN_DAYS,
  LIST_CAP_DEFAULT,
  LIST_CAPS,
  LONG_TEXT_FIELDS,
  PLAUSIBLE,
  STRING_CAPS,
  URL_FIELDS,
} from './limits.ts';
import type { Offering } from './schema.ts';
import { badCharMessage, findBadChar, findInSource } from './text-policy.ts';
import { fieldPath, locate, nodeAt, type ParsedYaml, type Problem } from './yaml-source.ts';

const at = (src: ParsedYaml, path: readonly PropertyKey[], message: string): Problem => ({
  file: src.file,
  ...locate(src, path),
  field: fieldPath(path),
  message,
});

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The field name a value sits under: the last non-index segment of its path. */
const nameOf = (path: readonly PropertyKey[]) => {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
};

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/** Where character `cp` of the string at `path` is written in the file (the value's start when not found). */
const locateChar = (src: ParsedYaml, path: readonly PropertyKey[], cp: number) => {
  const node = nodeAt(src, path);
  const range = node?.range;
  if (!range) return locate(src, path);
  const offset = findInSource(src.text.slice(range[0], range[1]), cp);
  const { line, col } = src.lines.linePos(range[0] + Math.max(0, offset));
  return { line, column: col };
};

/** A policy problem before it is located: the value's path, the message, and where in the value. */
export interface Issue {
  path: PropertyKey[];
  message: string;
  /** For a refused character: its code point, to point at the character itself. */
  codePoint?: number;
  /** For a list over its cap: the index of the first entry over it, where the problem is shown. */
  at?: number;
}

/**
 * Text characters, string lengths and list lengths, on every value of a record (plain data, as
 * read from YAML or about to be written by an importer). `skip` leaves out values already refused.
 */
export const valueIssues = (data: unknown, skip: readonly PropertyKey[][] = []): Issue[] => {
  const out: Issue[] = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (skip.length && skip.some((r) => startsWith(path, r))) return;
    if (typeof v === 'string') {
      const field = nameOf(path);
      const bad = findBadChar(v, field);
      if (bad) out.push({ path, message: badCharMessage(bad), codePoint: bad.codePoint });
      const [cap, what] = LONG_TEXT_FIELDS.has(field)
        ? [STRING_CAPS.long, 'free text (notes, description)']
        : URL_FIELDS.has(field)
          ? [STRING_CAPS.url, 'a URL']
          : [STRING_CAPS.short, 'a name, id or label'];
      const length = v.length > cap ? [...v].length : 0;
      if (length > cap) out.push({ path, message: `${fmt(length)} characters, more than the cap of ${fmt(cap)} for ${what}` });
    } else if (Array.isArray(v)) {
      const rule = LIST_CAPS[nameOf(path)];
      const cap = rule?.cap ?? LIST_CAP_DEFAULT;
      if (v.length > cap)
        out.push({
          path,
          at: cap,
          message: `${fmt(v.length)} entries, more than the cap of ${fmt(cap)} ${rule?.what ?? 'entries per list'}`,
        });
      v.forEach((x, i) => walk(x, [...path, i]));
    } else if (isPlain(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(data, []);
  return out;
};

/** Locates a policy issue in its file. */
const located = (src: ParsedYaml, i: Issue): Problem => ({
  file: src.file,
  ...(i.codePoint !== undefined
    ? locateChar(src, i.path, i.codePoint)
    : locate(src, i.at === undefined ? i.path : [...i.path, i.at])),
  field: fieldPath(i.path),
  message: i.message,
});

/**
 * Text characters, string lengths and list lengths, on every value of a parsed record (before the
 * schema, so that a hostile value is reported even where the schema also refuses it).
 */
export const checkValues = (src: ParsedYaml): Problem[] => valueIssues(src.data, src.refused).map((i) => located(src, i));

const TOKEN = new Set<string>(TOKEN_METERS);
const UNIT = new Set<string>(UNIT_METERS);
const SPEED: Record<string, { bound: number; unit: string }> = {
  ttft_ms: { bound: PLAUSIBLE.ttft_ms, unit: 'ms time to first token' },
  total_latency_ms: { bound: PLAUSIBLE.total_latency_ms, unit: 'ms total latency' },
  output_tokens_per_second: { bound: PLAUSIBLE.output_tokens_per_second, unit: 'output tokens per second' },
};

/** The bound a number at `path` of an offering is held to, or undefined when it has none. */
const boundOf = (path: readonly PropertyKey[]): { bound: number; unit: string; price: boolean } | undefined => {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  if (path[0] === 'performance') {
    const metric = path[path.length - 2];
    const s = typeof metric === 'string' ? SPEED[metric] : undefined;
    return s && (key === 'p50' || key === 'p90') ? { ...s, price: false } : undefined;
  }
  if (TOKEN.has(key)) return { bound: PLAUSIBLE.per_million_tokens, unit: 'USD per 1M tokens', price: true };
  if (UNIT.has(key))
    return {
      bound: PLAUSIBLE[key as (typeof UNIT_METERS)[number]],
      unit: `USD ${key.replace('per_', 'per ').replace(/_/g, ' ')}`,
      price: true,
    };
  if (key === 'cache_storage_per_hour')
    return { bound: PLAUSIBLE.cache_storage_per_hour, unit: 'USD per 1M tokens per hour', price: true };
  return undefined;
};

/**
 * Prices and speeds above their plausibility bound, unless `plausibility_override` names them with
 * a reason; an override that names no value above a bound is reported too (it would hide the next
 * typo in that field).
 */
export const plausibilityIssues = (o: Offering): Issue[] => {
  const out: Issue[] = [];
  const overrides = new Map((o.plausibility_override ?? []).map((x, i) => [x.field, i]));
  const used = new Set<string>();
  const rate = o.pricing && o.pricing.currency !== 'USD' ? (o.pricing.usd_rate?.usd_per_unit ?? 1) : 1;
  const currency = o.pricing?.currency ?? 'USD';
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'number') {
      const b = boundOf(path);
      if (!b) return;
      // Observations hold what a source said, in USD; everything else is in the record's currency.
      const converted = b.price && path[0] !== 'observations' && currency !== 'USD';
      const usd = converted ? v * rate : v;
      if (usd <= b.bound) return;
      const field = fieldPath(path);
      if (overrides.has(field)) {
        used.add(field);
        return;
      }
      const shown = converted ? `${fmt(v)} ${currency} (${fmt(usd)} USD)` : fmt(v);
      out.push({
        path,
        message: `${shown} is above the plausibility bound of ${fmt(b.bound)} ${b.unit}; correct it, or add plausibility_override: [{ field: ${field}, reason: … }]`,
      });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isPlain(v)) for (const [k, x] of Object.entries(v)) if (k !== 'plausibility_override') walk(x, [...path, k]);
  };
  walk(o, []);
  for (const [field, i] of overrides)
    if (!used.has(field))
      out.push({
        path: ['plausibility_override', i, 'field'],
        message: `${field} holds no value above its plausibility bound; remove this override`,
      });
  return out;
};

export const checkPlausibility = (src: ParsedYaml, o: Offering): Problem[] => plausibilityIssues(o).map((i) => located(src, i));

/**
 * For importers: the policies a record about to be written breaks (characters, caps and, for an
 * offering, plausibility), as "field: message" lines; empty when it may be written.
 */
export const recordPolicyProblems = (kind: string, record: unknown): string[] =>
  [...valueIssues(record), ...(kind === 'offerings' ? plausibilityIssues(record as Offering) : [])].map(
    (i) => `${fieldPath(i.path)}: ${i.message}`,
  );

const DAY = 86_400_000;
/** Day number of a YYYY-MM-DD or YYYY-MM date (a month-only date counts from its first day). */
const dayOf = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, d.length >= 10 ? +d.slice(8, 10) : 1) / DAY;
const dateOfDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

type Lifecycle = {
  status?: string | undefined;
  announced?: boolean | undefined;
  release_date?: string | undefined;
  deprecation_date?: string | undefined;
  retirement_date?: string | undefined;
};

/**
 * Release, deprecation and retirement dates more than their margin after the data's date, unless
 * the record says they are announced (`status: preview` or `announced: true`).
 */
export const checkLifecycleDates = (src: ParsedYaml, r: Lifecycle, dataDate: string | undefined): Problem[] => {
  if (!dataDate || r.status === 'preview' || r.announced === true) return [];
  const out: Problem[] = [];
  for (const field of ['release_date', 'deprecation_date', 'retirement_date'] as const) {
    const d = r[field];
    if (d === undefined) continue;
    const margin = FUTURE_MARGIN_DAYS[field];
    const limit = dayOf(dataDate) + margin;
    if (dayOf(d) > limit)
      out.push(
        at(
          src,
          [field],
          `${d} is more than ${margin} days after the data's date (${dataDate}, the newest last_verified), i.e. after ${dateOfDay(limit)}; if it is an announced date, say so with status: preview or announced: true`,
        ),
      );
  }
  return out;
};

/**
 * Performance samples dated in the future: after the data's date and after `today` (the day of
 * the run, UTC), whichever is later, since a probe dates its samples by the day it runs.
 */
export const checkMeasuredAt = (src: ParsedYaml, o: Offering, dataDate: string | undefined, today: string): Problem[] => {
  const latest = dataDate && dataDate > today ? dataDate : today;
  return (o.performance ?? []).flatMap((s, i) =>
    s.measured_at > latest
      ? [
          at(
            src,
            ['performance', i, 'measured_at'],
            `${s.measured_at} is in the future: a sample cannot be dated after the data's date (${dataDate ?? 'none'}, the newest last_verified) nor after today`,
          ),
        ]
      : [],
  );
};
