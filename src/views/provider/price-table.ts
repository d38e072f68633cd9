/**
 * The normalized pricing table of one provider: one row per offering, one column per meter the
 * provider actually uses (variants such as batch get their own columns), a blended column, the
 * context tiers and the free tier. The page and the CSV download both render this one model, so
 * that the CSV holds exactly what the table shows. Prices come from the catalog's price view
 * (src/core/price.ts), in USD: the prices in force on the data's date. When any offering has
 * observations, a Sources column carries each row's provenance mark (src/core/provenance.ts); the
 * note under the table lists each source's value and date, and the announced price changes.
 */
import { toCsv } from '../../core/csv.ts';
import { formatCount, formatTokens, formatUsd } from '../../core/format.ts';
import {
  FIXED_VARIANTS,
  inUnit,
  UNIT_LABEL,
  type PriceUnit,
  type PriceView,
  type UsdMeters,
  type UsdTier,
} from '../../core/price.ts';
import type { Provenance } from '../../core/provenance.ts';
import { offeringName } from '../../model/link.ts';
import { scheduledPrices, sourcesAnchor, type ScheduledPrice } from './price-sources.ts';
import type { Pricing } from '../../model/schema.ts';
import {
  BILLING_LABEL,
  CACHE_STORAGE_LABEL,
  METER_LABEL,
  TOKEN_METERS,
  UNIT_METERS,
  type Meter as PricedMeter,
} from '../../core/vocab.ts';

/** A piece of cell text: a string, or a token price in USD per 1M tokens (shown in the chosen unit). */
export type Part = string | number;
/**
 * A cell: `usd` is a price (per 1M tokens in a per-token column, else per unit), `na` a label
 * shown instead of a price ("not published", "free"…), `parts` text with token prices inside.
 */
export type PriceCell = { usd: number } | { na: string } | { parts: Part[] } | { mark: string; href: string };
export interface PriceColumn {
  key: string;
  label: string;
  /** Per-token column: its prices follow the per-1M / per-1K unit. */
  tok: boolean;
  /** Text column (tiers, free tier) rather than one number. */
  text?: boolean;
}
export interface PriceRow {
  id: string;
  name: string;
  modelId: string | undefined;
  providerModelId: string;
  cells: PriceCell[];
  /** Where each shown price comes from. */
  provenance: Provenance;
  /** Announced price changes (after the data's date), USD per 1M tokens. */
  scheduled: ScheduledPrice[];
}
export interface PriceTable {
  columns: PriceColumn[];
  rows: PriceRow[];
  /** Some prices were converted to USD from another currency. */
  converted: boolean;
  /** Some offering has observations: the Sources column is shown. */
  sourced: boolean;
}

/** What a price cell reads when there is no price, by billing (the vocabulary's label, lower-cased). Never "$0". */
export const priceNa = (price: Pick<PriceView, 'billing' | 'noRate'>): string =>
  price.noRate ? 'no USD rate' : BILLING_LABEL[price.billing].toLowerCase();

type Meter = PricedMeter | 'cache_storage_per_hour';
const METER_LABEL_OF: Record<Meter, string> = { ...METER_LABEL, cache_storage_per_hour: CACHE_STORAGE_LABEL };
const METERS: Meter[] = [...TOKEN_METERS, 'cache_storage_per_hour', ...UNIT_METERS];
const TOKEN = new Set<string>([...TOKEN_METERS, 'cache_storage_per_hour']);
const TTL_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
const ttlSeconds = (ttl: string) => Number(ttl.slice(0, -1)) * TTL_SECONDS[ttl.slice(-1) as keyof typeof TTL_SECONDS];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Prices = UsdMeters & { cache_storage_per_hour?: number | undefined };
interface ColumnSort {
  /** 0 base, 1–3 batch/flex/priority, 10 named modes (then by name), 90+ text columns. */
  variant: number;
  mode: string;
  meter: number;
  ttl: number;
}

/** A meter's column key and label; cache writes split by TTL ("cache_write_5m", "Cache write (5m)"). */
const meterColumn = (meter: Meter, ttl: string | undefined) => {
  if (meter === 'cache_write' && ttl)
    return ttl === '1h'
      ? { key: 'cache_write_1h', label: METER_LABEL_OF.cache_write_1h, ttl: 3600 }
      : { key: `cache_write_${ttl}`, label: `${METER_LABEL_OF.cache_write} (${ttl})`, ttl: ttlSeconds(ttl) };
  return { key: meter, label: METER_LABEL_OF[meter], ttl: meter === 'cache_write_1h' ? 3600 : 0 };
};

const tierParts = (prefix: string, tiers: readonly UsdTier[], ttl: string | undefined): Part[] =>
  tiers.flatMap((t, i) => {
    const parts: Part[] = [`${i > 0 || prefix ? '; ' : ''}${prefix}above ${formatTokens(t.aboveTokens)} tokens: `];
    let first = true;
    for (const m of METERS) {
      const v = (t.usd as Prices)[m];
      if (v === undefined) continue;
      parts.push(`${first ? '' : ', '}${meterColumn(m, ttl).label.toLowerCase()} `, v);
      first = false;
    }
    return parts;
  });

type FreeTier = NonNullable<Pricing['free_tier']>;
/** "Free variant… (20 RPM, 50 RPD)". */
export const freeTierText = (f: FreeTier): string => {
  const figures = [
    [f.requests_per_minute, 'RPM'],
    [f.requests_per_day, 'RPD'],
    [f.tokens_per_minute, 'TPM'],
    [f.tokens_per_day, 'TPD'],
    [f.tokens_per_month, 'tokens per month'],
  ]
    .filter(([n]) => n !== undefined)
    .map(([n, u]) => `${formatCount(n as number)} ${u}`)
    .join(', ');
  return [f.description, figures && (f.description ? `(${figures})` : figures)].filter(Boolean).join(' ');
};

interface OfferingIn {
  id: string;
  name?: string | undefined;
  model?: string | undefined;
  provider_model_id: string;
  /** The record, for what is not a price: the cache-write TTL and the free tier. */
  pricing?: Partial<Pick<Pricing, 'billing' | 'cache_write_ttl' | 'free_tier'>> | undefined;
  /** The catalog's price view: every price in USD. */
  price: Omit<PriceView, 'pricing' | 'history'>;
  provenance: Provenance;
  modelRecord?: { name: string } | undefined;
}

/** Builds the pricing table of a provider's offerings, rows sorted by name then API id. */
export const priceTable = (offerings: OfferingIn[]): PriceTable => {
  const columns = new Map<string, PriceColumn & { sort: ColumnSort }>();
  const addColumn = (key: string, label: string, tok: boolean, sort: ColumnSort, text = false) => {
    if (!columns.has(key)) columns.set(key, { key, label, tok, sort, ...(text ? { text } : {}) });
  };
  let converted = false;
  const values = offerings.map((o) => {
    const cells = new Map<string, PriceCell>();
    const p = o.pricing;
    const price = o.price;
    if (price.convertedFrom !== undefined) converted = true;
    const put = (variant: number, prefix: string, prices: Prices) => {
      const mode = variant === 10 ? prefix : '';
      METERS.forEach((m, meterIndex) => {
        const v = prices[m];
        if (v === undefined) return;
        const c = meterColumn(m, p?.cache_write_ttl);
        const key = prefix ? `${prefix}:${c.key}` : c.key;
        addColumn(key, prefix ? `${capital(prefix)} ${c.label.toLowerCase()}` : c.label, TOKEN.has(m), {
          variant,
          mode,
          meter: meterIndex * 2,
          ttl: c.ttl,
        });
        cells.set(key, { usd: v });
      });
    };
    if (price.billing === 'usage') {
      put(0, '', { ...price.usd, cache_storage_per_hour: price.cacheStoragePerHour });
      const ttl = p?.cache_write_ttl;
      const tiers: Part[] = tierParts('', price.tiers, ttl);
      price.variants.forEach((v) => {
        put(v.fixed ? FIXED_VARIANTS.indexOf(v.name as never) + 1 : 10, v.name, v.usd);
        tiers.push(...tierParts(`${v.name} `, v.tiers, ttl));
      });
      if (price.blended !== undefined) cells.set('blended', { usd: price.blended });
      if (tiers.length) {
        addColumn('tiers', 'Context tiers', true, { variant: 90, mode: '', meter: 0, ttl: 0 }, true);
        cells.set('tiers', { parts: tiers });
      }
    }
    if (p?.free_tier) {
      addColumn('free', 'Free tier', false, { variant: 91, mode: '', meter: 0, ttl: 0 }, true);
      cells.set('free', { parts: [freeTierText(p.free_tier)] });
    }
    return { o, cells, na: priceNa(price) };
  });
  // Sources follows the base prices, when any offering has observations.
  const sourced = offerings.some((o) => o.provenance.status !== 'unobserved' && o.provenance.status !== 'none');
  if (sourced) {
    addColumn('sources', 'Sources', false, { variant: 0, mode: '', meter: 10_000, ttl: 0 }, true);
    for (const { o, cells } of values)
      if (o.provenance.mark)
        cells.set('sources', {
          mark: o.provenance.mark,
          href: `#${o.provenance.status === 'unobserved' ? 'sources' : sourcesAnchor(o.id)}`,
        });
  }
  // Blended sits right after Output, when any offering has both prices.
  if (values.some((v) => v.cells.has('blended')))
    addColumn('blended', 'Blended', true, { variant: 0, mode: '', meter: 3, ttl: 0 });
  const cols = [...columns.values()].sort(
    (a, b) =>
      a.sort.variant - b.sort.variant ||
      a.sort.mode.localeCompare(b.sort.mode, 'en') ||
      a.sort.meter - b.sort.meter ||
      a.sort.ttl - b.sort.ttl ||
      (a.key < b.key ? -1 : 1),
  );
  const rows = values
    .map(({ o, cells, na }): PriceRow => ({
      id: o.id,
      name: offeringName(o),
      modelId: o.model,
      providerModelId: o.provider_model_id,
      cells: cols.map((c) => cells.get(c.key) ?? (c.key === 'sources' ? { na: '—' } : c.text ? { na: 'none' } : { na })),
      provenance: o.provenance,
      scheduled: scheduledPrices(o.price),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.providerModelId < b.providerModelId ? -1 : 1));
  return { columns: cols.map(({ sort: _s, ...c }) => c), rows, converted, sourced };
};

/** A header as shown: "Input / 1M" for per-token columns, else the label. */
export const columnLabel = (c: PriceColumn, unit: PriceUnit): string => (c.tok ? `${c.label} / ${UNIT_LABEL[unit]}` : c.label);

/** The text a cell shows in `unit`. */
export const cellText = (cell: PriceCell, tok: boolean, unit: PriceUnit): string => {
  const money = (n: number) => formatUsd(tok ? inUnit(n, unit) : n);
  if ('usd' in cell) return money(cell.usd);
  if ('na' in cell) return cell.na;
  if ('mark' in cell) return cell.mark;
  return cell.parts.map((p) => (typeof p === 'number' ? money(p) : p)).join('');
};

/** The CSV of exactly what the table shows in `unit`: the same header and cell texts. */
export const priceCsv = (table: PriceTable, unit: PriceUnit): string =>
  toCsv([
    ['Model', 'API model id', ...table.columns.map((c) => columnLabel(c, unit))],
    ...table.rows.map((r) => [
      r.name,
      r.providerModelId,
      ...r.cells.map((cell, i) => cellText(cell, table.columns[i]!.tok, unit)),
    ]),
  ]);
