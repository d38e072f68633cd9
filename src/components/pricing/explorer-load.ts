/**
 * The pricing explorer's index, downloaded, parsed and unpacked in steps, yielding to the browser
 * between them, so that no step blocks the main thread for long (tools/bench-load.ts measures it).
 */
import { rowUnpacker, type ExplorerIndex, type ExplorerRow } from '../../views/pricing/index-data.ts';

/** Rows unpacked between two yields: a few milliseconds of work each. */
const SLICE = 500;

/** Lets the browser paint and handle input between two steps of work. */
export const yieldToMain = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

/** The index at `url` and its unpacked rows; throws when it cannot be loaded. */
export const loadIndex = async (url: string): Promise<[ExplorerIndex, ExplorerRow[]]> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const text = await res.text();
  await yieldToMain();
  const ix = JSON.parse(text) as ExplorerIndex;
  await yieldToMain();
  const unpack = rowUnpacker(ix);
  const rows: ExplorerRow[] = [];
  for (let i = 0; i < ix.rows.length; i++) {
    rows.push(unpack(i));
    if (i % SLICE === SLICE - 1) await yieldToMain();
  }
  await yieldToMain();
  return [ix, rows];
};
