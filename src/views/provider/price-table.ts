/**
 * The normalized pricing table of one provider: one row per offering, one column per meter the
 * provider actually uses (variants such as batch get their own columns), a blended column, the
 * context tiers and the free tier. The page and the CSV download both render this one model, so
 * that the CSV holds exactly what the table shows.
 */
import { toCsv } from '../../core/csv.ts';
import { formatCount, formatTokens, formatUsd } from '../../core/format.ts';
import { blendedPrice, denoise, inUnit, toUsd, UNIT_LABEL, type PriceUnit } from '../../core/price.ts';
import { offeringName } from '../../model/link.ts';
import { TOKEN_METERS, UNIT_METERS, type Pricing, type PriceVariant } from '../../model/schema.ts';

/** A piece of cell text: a string, or a token price in USD per 1M tokens (shown in the chosen unit). */
export type Part = string | number;
/**
 * A cell: `usd` is a price (per 1M tokens in a per-token column, else per unit), `na` a label
 * shown instead of a price ("not published", "free"…), `parts` text with token prices inside.
 */
export type PriceCell = { usd: number } | { na: string } | { parts: Part[] };
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
}
export interface PriceTable {
  columns: PriceColumn[];
  rows: PriceRow[];
  /** Some prices were converted to USD from another currency. */
  converted: boolean;
}

/** What a price cell reads when there is no price, by billing. Never "$0". */
export const PRICE_NA: Record<string, string> = {
  usage: 'not published',
  unpublished: 'not published',
  subscription: 'subscription',
  free: 'free',
  self_hosted: 'self-hosted',
};

type Meter = (typeof TOKEN_METERS)[number] | (typeof UNIT_METERS)[number] | 'cache_storage_per_hour';
const METER_LABEL: Record<Meter, string> = {
  input: 'Input',
  output: 'Output',
  cache_read: 'Cache read',
  cache_write: 'Cache write',
  cache_write_1h: 'Cache write (1h)',
  reasoning: 'Reasoning',
  input_audio: 'Audio input',
  output_audio: 'Audio output',
  input_image: 'Image input',
  output_image: 'Image output',
  cache_storage_per_hour: 'Cache storage per hour',
  per_image: 'Per image',
  per_request: 'Per request',
  per_audio_second: 'Per audio second',
  per_video_second: 'Per video second',
  per_search: 'Per search',
};
const METERS: Meter[] = [...TOKEN_METERS, 'cache_storage_per_hour', ...UNIT_METERS];
const TOKEN = new Set<string>([...TOKEN_METERS, 'cache_storage_per_hour']);
const FIXED_VARIANTS = ['batch', 'flex', 'priority'] as const;
const TTL_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
const ttlSeconds = (ttl: string) => Number(ttl.slice(0, -1)) * TTL_SECONDS[ttl.slice(-1) as keyof typeof TTL_SECONDS];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Prices = Partial<Record<Meter, number | undefined>>;
interface ColumnSort {
  /** 0 base, 1–3 batch/flex/priority, 10 named modes (then by name), 90+ text columns. */
  variant: number;
  mode: string;
  meter: number;
  ttl: number;
}

/** A meter's column key and label; cache writes split by TTL ("cache_write_5m", "Cache write (5m)"). */
const meterColumn = (meter: Meter, ttl: string | undefined) => {
  if (meter === 'cache_write' && ttl) return ttl === '1h' ? { key: 'cache_write_1h', label: METER_LABEL.cache_write_1h, ttl: 3600 } : { key: `cache_write_${ttl}`, label: `Cache write (${ttl})`, ttl: ttlSeconds(ttl) };
  return { key: meter, label: METER_LABEL[meter], ttl: meter === 'cache_write_1h' ? 3600 : 0 };
};

/** A variant's prices: its own, else the base price less its `discount`. */
const variantPrices = (base: Prices, v: PriceVariant): Prices => {
  const out: Prices = {};
  for (const m of METERS) {
    const own = (v as Prices)[m];
    if (own !== undefined) out[m] = own;
    else if (v.discount !== undefined && base[m] !== undefined) out[m] = denoise(base[m]! * (1 - v.discount));
  }
  return out;
};

const tierParts = (prefix: string, tiers: NonNullable<Pricing['tiers']>, usd: (n: number) => number, ttl: string | undefined): Part[] =>
  tiers.flatMap((t, i) => {
    const parts: Part[] = [`${i > 0 || prefix ? '; ' : ''}${prefix}above ${formatTokens(t.above_tokens)} tokens: `];
    let first = true;
    for (const m of METERS) {
      const v = (t as Prices)[m];
      if (v === undefined) continue;
      parts.push(`${first ? '' : ', '}${meterColumn(m, ttl).label.toLowerCase()} `, usd(v));
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
  pricing?: Pricing | undefined;
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
    if (p && p.currency !== 'USD') converted = true;
    const usd = (n: number) => (p ? toUsd(n, p) : n);
    const put = (variant: number, prefix: string, prices: Prices) => {
      const mode = variant === 10 ? prefix : '';
      METERS.forEach((m, meterIndex) => {
        const v = prices[m];
        if (v === undefined) return;
        const c = meterColumn(m, p?.cache_write_ttl);
        const key = prefix ? `${prefix}:${c.key}` : c.key;
        addColumn(key, prefix ? `${capital(prefix)} ${c.label.toLowerCase()}` : c.label, TOKEN.has(m), { variant, mode, meter: meterIndex * 2, ttl: c.ttl });
        cells.set(key, { usd: usd(v) });
      });
    };
    if (p && p.billing === 'usage') {
      const base = p as Prices;
      put(0, '', base);
      const variants: [string, PriceVariant][] = [
        ...FIXED_VARIANTS.filter((k) => p[k]).map((k): [string, PriceVariant] => [k, p[k]!]),
        ...Object.entries(p.modes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
      ];
      const tiers: Part[] = p.tiers ? tierParts('', p.tiers, usd, p.cache_write_ttl) : [];
      variants.forEach(([name, v]) => {
        const fixed = FIXED_VARIANTS.indexOf(name as never);
        put(fixed >= 0 ? fixed + 1 : 10, name, variantPrices(base, v));
        if (v.tiers) tiers.push(...tierParts(`${name} `, v.tiers, usd, p.cache_write_ttl));
      });
      const blended = blendedPrice(base.input === undefined ? undefined : usd(base.input), base.output === undefined ? undefined : usd(base.output));
      if (blended !== undefined) cells.set('blended', { usd: blended });
      if (tiers.length) {
        addColumn('tiers', 'Context tiers', true, { variant: 90, mode: '', meter: 0, ttl: 0 }, true);
        cells.set('tiers', { parts: tiers });
      }
    }
    if (p?.free_tier) {
      addColumn('free', 'Free tier', false, { variant: 91, mode: '', meter: 0, ttl: 0 }, true);
      cells.set('free', { parts: [freeTierText(p.free_tier)] });
    }
    return { o, cells, na: PRICE_NA[p?.billing ?? 'unpublished']! };
  });
  // Blended sits right after Output, when any offering has both prices.
  if (values.some((v) => v.cells.has('blended'))) addColumn('blended', 'Blended', true, { variant: 0, mode: '', meter: 3, ttl: 0 });
  const cols = [...columns.values()].sort((a, b) => a.sort.variant - b.sort.variant || a.sort.mode.localeCompare(b.sort.mode, 'en') || a.sort.meter - b.sort.meter || a.sort.ttl - b.sort.ttl || (a.key < b.key ? -1 : 1));
  const rows = values
    .map(({ o, cells, na }): PriceRow => ({
      id: o.id,
      name: offeringName(o),
      modelId: o.model,
      providerModelId: o.provider_model_id,
      cells: cols.map((c) => cells.get(c.key) ?? (c.text ? { na: 'none' } : { na })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.providerModelId < b.providerModelId ? -1 : 1));
  return { columns: cols.map(({ sort: _s, ...c }) => c), rows, converted };
};

/** A header as shown: "Input / 1M" for per-token columns, else the label. */
export const columnLabel = (c: PriceColumn, unit: PriceUnit): string => (c.tok ? `${c.label} / ${UNIT_LABEL[unit]}` : c.label);

/** The text a cell shows in `unit`. */
export const cellText = (cell: PriceCell, tok: boolean, unit: PriceUnit): string => {
  const money = (n: number) => formatUsd(tok ? inUnit(n, unit) : n);
  if ('usd' in cell) return money(cell.usd);
  if ('na' in cell) return cell.na;
  return cell.parts.map((p) => (typeof p === 'number' ? money(p) : p)).join('');
};

/** The CSV of exactly what the table shows in `unit`: the same header and cell texts. */
export const priceCsv = (table: PriceTable, unit: PriceUnit): string =>
  toCsv([
    ['Model', 'API model id', ...table.columns.map((c) => columnLabel(c, unit))],
    ...table.rows.map((r) => [r.name, r.providerModelId, ...r.cells.map((cell, i) => cellText(cell, table.columns[i]!.tok, unit))]),
  ]);
