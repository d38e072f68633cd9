/**
 * The note under a price table (the provider's pricing tab, a model's "where to run it"): where
 * each offering's prices come from, per price each source's value and date, and the announced
 * price changes. Built from the catalog's provenance (src/core/provenance.ts) and price view.
 */
import { formatCountOf, formatDate, formatUsd } from '../../core/format.ts';
import type { PriceView } from '../../core/price.ts';
import type { MeterState, Provenance, SourceValue } from '../../core/provenance.ts';
import { DATA_SOURCE_URL } from '../../core/vocab.ts';

/** A price change announced for a later date than the data's. */
export interface ScheduledPrice {
  /** YYYY-MM-DD. */
  from: string;
  /** USD per 1M tokens. */
  input: number | undefined;
  output: number | undefined;
}

/** Announced price changes of a price view, USD per 1M tokens. */
export const scheduledPrices = (price: Pick<PriceView, 'scheduled'>): ScheduledPrice[] =>
  price.scheduled.map((s) => ({ from: s.from!, input: s.usd.input, output: s.usd.output }));

/** "From 15 Jan 2027: $1.00 / $10.00 per 1M (announced)". */
export const scheduledText = (s: ScheduledPrice): string =>
  `From ${formatDate(s.from)}: ${s.input === undefined ? '—' : formatUsd(s.input)} / ${s.output === undefined ? '—' : formatUsd(s.output)} per 1M (announced)`;

/**
 * The id of an offering's entry in the sources note: letters, digits, "-" and "_" only, one per
 * offering ("acme/acme/m-1.5" → "src-acme__acme__m-1_5"; record ids hold no "_").
 */
export const sourcesAnchor = (offeringId: string) => `src-${offeringId.replaceAll('/', '__').replaceAll('.', '_')}`;

/** One source of one price, as the note lists it. */
export interface SourceRef {
  label: string;
  /** An https link to the page read or the dataset; undefined when none is known. */
  href: string | undefined;
  /** "$3.00". */
  text: string;
  /** YYYY-MM-DD and "2 Dec 2026". */
  iso: string;
  date: string;
}
export interface SourceLine {
  /** "Input $3.00". */
  price: string;
  /** "confirmed", "one source", "sources differ", "no source". */
  state: string;
  agree: SourceRef[];
  differ: SourceRef[];
}
export interface SourceEntry {
  anchor: string;
  name: string;
  providerModelId: string;
  summary: string;
  lines: SourceLine[];
}

const STATE_TEXT: Record<MeterState, string> = {
  provider: "confirmed by the provider's page",
  confirmed: 'confirmed',
  single: 'one source',
  disagree: 'sources differ',
  unstated: 'no source states it',
};

const https = (u: string | undefined) => (u !== undefined && u.startsWith('https://') ? u : undefined);
const ref = (v: SourceValue): SourceRef => ({
  label: v.label,
  href: https(v.url) ?? (v.source === 'provider' ? undefined : DATA_SOURCE_URL[v.source]),
  text: v.text,
  iso: v.as_of,
  date: formatDate(v.as_of),
});

interface Row {
  id: string;
  name: string;
  providerModelId: string;
  provenance: Provenance;
}

/** Rows whose prices have observations: one entry each, in the rows' order. */
export const sourceEntries = (rows: readonly Row[]): SourceEntry[] =>
  rows
    .filter((r) => r.provenance.status !== 'unobserved' && r.provenance.status !== 'none')
    .map((r) => ({
      anchor: sourcesAnchor(r.id),
      name: r.name,
      providerModelId: r.providerModelId,
      summary: r.provenance.summary,
      lines: r.provenance.meters.map((m) => ({
        price: `${m.label} ${m.text}`,
        state: STATE_TEXT[m.state],
        agree: m.values.filter((v) => v.agrees).map(ref),
        differ: m.values.filter((v) => !v.agrees).map(ref),
      })),
    }));

/**
 * The sentence about rows without observations (`marked`: the table marks them "1 source"), or
 * undefined when every priced row has some.
 */
export const unobservedNote = (rows: readonly Row[], marked: boolean): string | undefined => {
  const n = rows.filter((r) => r.provenance.status === 'unobserved').length;
  return n
    ? `${formatCountOf(n, 'offering has', 'offerings have')} no cross-checked source yet: ${n === 1 ? 'its prices come' : 'their prices come'} from the models.dev import or the pages the record cites${marked ? ' (marked “1 source”)' : ''}.`
    : undefined;
};

/** Announced price changes of rows, one line each: name, API id and "From …: … (announced)". */
export const announcedList = (
  rows: readonly { name: string; providerModelId: string; scheduled: readonly ScheduledPrice[] }[],
): { name: string; providerModelId: string; text: string }[] =>
  rows.flatMap((r) => r.scheduled.map((s) => ({ name: r.name, providerModelId: r.providerModelId, text: scheduledText(s) })));
