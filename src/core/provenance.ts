/**
 * Where each price of one offering comes from, as the pricing table and the model page show it
 * beside the price: per priced meter, the sources that state the value shown, whether two
 * independent sources or the provider's own page confirm it, the sources that state another value,
 * and when it was checked; plus one line for the whole offering. Pure and browser-safe. Values are
 * the record's (its currency, per 1M tokens for token meters); the rule itself is reconcile.ts's.
 */
import { formatDate, formatUsd } from './format.ts';
import { FIXED_VARIANTS, variantPrices, type PriceView, type PricingIn, type Prices } from './price.ts';
import {
  HEADLINE_PRICE_FIELDS,
  PRICE_FIELDS,
  SOURCE_PRIORITY,
  confirmation,
  observed,
  type ObservationLike,
} from './reconcile.ts';
import { DATA_SOURCE_LABEL, METER_LABEL, METERS, type DataSource, type Meter } from './vocab.ts';

export type PriceField = (typeof PRICE_FIELDS)[number];

/** One source's value for one meter. */
export interface SourceValue {
  source: DataSource;
  /** DATA_SOURCE_LABEL of the source. */
  label: string;
  value: number;
  /** The value as shown: "$3.00" (or "3 EUR" for a record in another currency). */
  text: string;
  as_of: string;
  /** The page the value was read from (https, from the validated record), when the observation names one. */
  url: string | undefined;
  /** States the value shown. */
  agrees: boolean;
}

/**
 * How one shown price is backed: `provider` (the provider's page states it), `confirmed` (two or
 * more sources state it), `single` (one source), `disagree` (one or no source states it and
 * another states a different value), `unstated` (no observation states this meter).
 */
export type MeterState = 'provider' | 'confirmed' | 'single' | 'disagree' | 'unstated';

export interface MeterProvenance {
  field: PriceField;
  /** "Input", "Batch output". */
  label: string;
  /** The value shown, in the record's currency. */
  value: number;
  text: string;
  state: MeterState;
  /** Sources that state the value shown, in SOURCE_PRIORITY order. */
  sources: DataSource[];
  /** Sources that state another value. */
  disagree: DataSource[];
  confirmed: boolean;
  /** Newest as_of among the sources that state the value shown. */
  checked: string | undefined;
  /** The provider's page, when it states the value. */
  url: string | undefined;
  /** Every source that states this meter: those that agree first, each in SOURCE_PRIORITY order. */
  values: SourceValue[];
}

/**
 * The offering as a whole: `provider` (every shown price confirmed by the provider's page),
 * `confirmed` (every shown price by the provider's page or two sources), `disagree` (a shown price
 * that no confirmation backs has a different value elsewhere), `single` (otherwise, with
 * observations), `unobserved` (no observations: the record's own `sources`), `none` (no price shown).
 */
export const PROVENANCE_STATUSES = ['provider', 'confirmed', 'single', 'disagree', 'unobserved', 'none'] as const;
export type ProvenanceStatus = (typeof PROVENANCE_STATUSES)[number];

export interface Provenance {
  status: ProvenanceStatus;
  /** The short mark beside the price: "✓ Provider page", "✓ 2 sources", "1 source", "⚠ Sources differ"; "" when no price is shown. */
  mark: string;
  /** One sentence: "Prices confirmed by the provider's page (checked 2 Dec 2026)". */
  summary: string;
  meters: MeterProvenance[];
  /** The provider's page among the observations, when there is one. */
  url: string | undefined;
  /** Newest check date: of the observations, else the record's last_verified. */
  checked: string | undefined;
}

/** What provenanceView reads of an offering (a linked offering satisfies it). */
export interface ProvenanceIn {
  observations?: readonly ObservationLike[] | undefined;
  sources?: readonly string[] | undefined;
  last_verified?: string | undefined;
}

const priority = (s: DataSource) => SOURCE_PRIORITY.indexOf(s);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const newest = (dates: (string | undefined)[]) =>
  dates.reduce<string | undefined>((d, x) => (x !== undefined && (d === undefined || x > d) ? x : d), undefined);
const list = (items: string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const labels = (sources: readonly DataSource[]) =>
  list([...sources].sort((a, b) => priority(a) - priority(b)).map((s) => DATA_SOURCE_LABEL[s]));

/** Host of a source URL, for the one-line summary ("aws.amazon.com"); the URL itself when it does not parse. */
const host = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** The listed value of each priced field the offering shows, in PRICE_FIELDS order (variants from their discount too). */
export const shownPrices = (pricing: PricingIn | undefined): { field: PriceField; label: string; value: number }[] => {
  if (!pricing || (pricing.billing ?? 'usage') !== 'usage') return [];
  const variants = Object.fromEntries(
    FIXED_VARIANTS.filter((v) => pricing[v]).map((v): [string, Prices] => [v, variantPrices(pricing, pricing[v]!)]),
  );
  const out: { field: PriceField; label: string; value: number }[] = [];
  for (const field of PRICE_FIELDS) {
    const [, a, b] = field.split('.') as [string, string, string | undefined];
    const meter = (b ?? a) as Meter;
    if (!(METERS as readonly string[]).includes(meter)) continue;
    const value = b === undefined ? pricing[meter] : variants[a]?.[meter];
    if (value === undefined) continue;
    out.push({ field, label: b === undefined ? METER_LABEL[meter] : `${capital(a)} ${METER_LABEL[meter].toLowerCase()}`, value });
  }
  return out;
};

const stateOf = (c: { sources: DataSource[]; disagree: DataSource[] }): MeterState =>
  c.sources.includes('provider')
    ? 'provider'
    : c.sources.length >= 2
      ? 'confirmed'
      : c.disagree.length
        ? 'disagree'
        : c.sources.length
          ? 'single'
          : 'unstated';

/** The record's own provenance, for offerings without observations: "Source: models.dev import, checked 2 Jul 2026". */
const recordSummary = (o: ProvenanceIn, capitalized = true) => {
  const hosts = [...new Set((o.sources ?? []).map(host))];
  return `${capitalized ? 'Source' : 'source'}: ${hosts.length ? list(hosts) : 'models.dev import'}${o.last_verified ? `, checked ${formatDate(o.last_verified)}` : ''}`;
};

/**
 * The provenance of an offering's shown prices. `pricing` is the listed pricing in force (price.ts
 * pricingInForce), `price` the catalog's view of it (no price is shown unless billed by usage with a rate).
 */
export const provenanceView = (
  o: ProvenanceIn,
  pricing: PricingIn | undefined,
  price: Pick<PriceView, 'billing' | 'noRate'>,
): Provenance => {
  const obs = o.observations ?? [];
  const currency = pricing?.currency ?? 'USD';
  const money = (v: number) => (currency === 'USD' ? formatUsd(v) : `${Number(v.toPrecision(6))} ${currency}`);
  const shown = price.billing === 'usage' && !price.noRate ? shownPrices(pricing) : [];
  const meters = shown.map(({ field, label, value }): MeterProvenance => {
    const c = confirmation(obs, field, value);
    const values = obs
      .flatMap((ob): SourceValue[] => {
        const v = observed(ob, field);
        if (typeof v !== 'number') return [];
        const agrees = c.sources.includes(ob.source);
        return [
          {
            source: ob.source,
            label: DATA_SOURCE_LABEL[ob.source],
            value: v,
            text: money(v),
            as_of: ob.as_of,
            url: ob.url,
            agrees,
          },
        ];
      })
      .sort((a, b) => Number(b.agrees) - Number(a.agrees) || priority(a.source) - priority(b.source));
    return { field, label, value, text: money(value), state: stateOf(c), ...c, values };
  });
  const url = obs.find((ob) => ob.source === 'provider')?.url;
  const base = { meters, url, checked: obs.length ? newest(obs.map((ob) => ob.as_of)) : o.last_verified };
  if (!meters.length) return { ...base, status: 'none', mark: '', summary: '' };
  if (!obs.length) return { ...base, status: 'unobserved', mark: '1 source', summary: recordSummary(o) };
  // The mark judges the input and output prices (what tables rank by); the note lists every price.
  const headline = meters.filter((m) => (HEADLINE_PRICE_FIELDS as readonly string[]).includes(m.field));
  const judged = headline.length ? headline : meters;
  const states = new Set(judged.map((m) => m.state));
  const differ = [...new Set(judged.flatMap((m) => m.disagree))];
  const otherwise = differ.length ? `; ${labels(differ)} state${differ.length === 1 ? 's' : ''} another value` : '';
  if (states.has('disagree')) {
    const split = judged.filter((m) => m.state === 'disagree');
    const m = split[0]!;
    const others = m.values
      .filter((v) => !v.agrees)
      .map((v) => `${v.text} (${v.label}, ${formatDate(v.as_of)})`)
      .join(', ');
    const kept = m.sources.length ? `${labels(m.sources)}, ${formatDate(m.checked!)}` : 'this record';
    const more = split.length > 1 ? ` and ${split.length - 1} more price${split.length > 2 ? 's' : ''}` : '';
    return {
      ...base,
      status: 'disagree',
      mark: '⚠ Sources differ',
      summary: `Sources disagree on ${m.label.toLowerCase()}: ${m.text} (${kept}) vs ${others}${more}`,
    };
  }
  if (states.size === 1 && states.has('provider')) {
    const checked = newest(judged.map((m) => m.values.find((v) => v.source === 'provider')?.as_of));
    return {
      ...base,
      status: 'provider',
      mark: '✓ Provider page',
      summary: `Prices confirmed by the provider's page (checked ${formatDate(checked!)})${otherwise}`,
    };
  }
  const agreeing = [...new Set(judged.flatMap((m) => m.sources))];
  const checked = newest(judged.map((m) => m.checked));
  if ([...states].every((s) => s === 'provider' || s === 'confirmed')) {
    const n = Math.min(...judged.filter((m) => m.state === 'confirmed').map((m) => m.sources.length));
    const by = states.has('provider') ? `the provider's page or ${n} sources` : `${n} sources`;
    return {
      ...base,
      status: 'confirmed',
      mark: `✓ ${n} sources`,
      summary: `Confirmed by ${by}: ${labels(agreeing)}, checked ${formatDate(checked!)}${otherwise}`,
    };
  }
  const single = judged.filter((m) => m.state === 'single');
  const unstated = judged.filter((m) => m.state === 'unstated');
  const names = (ms: MeterProvenance[]) => list(ms.map((m) => m.label.toLowerCase()));
  const one = single.length
    ? `One source${single.length < judged.length ? ` for ${names(single)}` : ''} (${labels([...new Set(single.flatMap((m) => m.sources))])}, ${formatDate(newest(single.map((m) => m.checked))!)})`
    : '';
  const rest = unstated.length ? `${names(unstated)} not cross-checked (${recordSummary(o, false)})` : '';
  const summary = one && rest ? `${one}; ${rest}` : one || capital(rest);
  return { ...base, status: 'single', mark: '1 source', summary };
};
