/**
 * Values behind table cells, shared by the build (which decides when a cell needs a `data-v`)
 * and the browser islands (which sort and convert cells). Sorting itself is src/core/table-state.ts.
 */
import { formatUsd } from './format.ts';

/** "$1,234.50" → 1234.5; anything else → undefined. */
export const parseUsd = (text: string): number | undefined => {
  const m = /^\s*\$(\d[\d,]*(?:\.\d+)?|\.\d+)\s*$/.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
};

/** True when the formatted price reads back as exactly `usd`, so the cell needs no `data-v`. */
export const showsExactly = (usd: number): boolean => parseUsd(formatUsd(usd)) === usd;

/**
 * The value a cell sorts by: its `data-v` when present, else its text. Numbers ("$0.15",
 * "1,024", "128K", "1.5M", "42") become numbers; any other text stays text.
 */
export const sortValue = (text: string, dataV?: string): number | string => {
  const raw = (dataV ?? text).trim();
  const m = /^\$?(-?\d[\d,]*(?:\.\d+)?)\s*([KM])?$/.exec(raw);
  if (!m) return raw.toLowerCase();
  const n = Number(m[1]!.replace(/,/g, ''));
  return m[2] === 'M' ? n * 1_000_000 : m[2] === 'K' ? n * 1_000 : n;
};

/** Header text → URL key: "Cheapest input / 1M" → "cheapest-input-1m". */
export const columnKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
