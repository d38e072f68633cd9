/**
 * Display formatting, the only place numbers are rounded. Locale-independent on purpose:
 * two builds must produce the same bytes whatever the machine's locale or time zone.
 */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A price in USD, e.g. 3 → "$3.00", 0.075 → "$0.075", 0.00012 → "$0.00012". */
export const formatUsd = (usd: number): string => {
  if (!Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  const abs = Math.abs(usd);
  const decimals = abs >= 100 ? 2 : abs >= 1 ? 2 : Math.min(8, Math.max(2, 1 - Math.floor(Math.log10(abs)) + 1));
  const [int, frac] = abs.toFixed(decimals).split('.');
  const trimmed = frac && abs < 1 ? frac.replace(/0+$/, '').padEnd(2, '0') : frac;
  return `${usd < 0 ? '-' : ''}$${group(int!)}${trimmed ? `.${trimmed}` : ''}`;
};

/** A USD amount for a chart axis: three significant digits below $1,000, whole dollars with separators above. */
export const formatUsdAxis = (usd: number): string =>
  usd >= 1000 ? `$${formatCount(Math.round(usd))}` : `$${Number(usd.toPrecision(3))}`;

/** A token count in short form: 128000 → "128K", 1048576 → "1M", 1500 → "1.5K". */
export const formatTokens = (n: number): string => {
  if (!Number.isFinite(n)) return '—';
  const units: [number, string][] = [
    [1_000_000, 'M'],
    [1_000, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (n >= size) {
      const v = n / size;
      const s = v >= 100 ? v.toFixed(0) : v.toFixed(1);
      return `${s.replace(/\.0$/, '')}${suffix}`;
    }
  }
  return String(n);
};

/** A whole number with thousands separators: 5276 → "5,276". */
export const formatCount = (n: number): string => (n < 0 ? '-' : '') + group(String(Math.trunc(Math.abs(n))));
/** A count with its noun: "1 offering", "1,204 offerings" (`many` defaults to `one` + "s"). */
export const formatCountOf = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2025-09-29" → "29 Sep 2025"; "2025-09" → "Sep 2025". */
export const formatDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
};

// Made on first use (not at load: browser bundles import this module too), then reused.
let regionNames: Intl.DisplayNames | undefined;
/** Country code → English name for the few we show, else the code itself. */
export const countryName = (code: string | undefined): string => {
  if (!code) return 'Not published';
  try {
    return (regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
};

/** A fraction as a percentage: 0.055 → "5.5%", 0.5 → "50%". */
export const formatPercent = (fraction: number): string => `${Number((fraction * 100).toPrecision(12))}%`;
