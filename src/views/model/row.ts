/**
 * The cells of one /models/ row, from its index entry. ModelRow.astro renders them, both the
 * server's rows and the blank row of the island's <template>, which the island fills with
 * `indexRowSlots`; this module is browser-safe (no zod).
 */
import { formatDate, formatTokens, formatUsd } from '../../core/format.ts';
import { yesNo } from '../../core/vocab.ts';
import type { IndexEntry } from './filter.ts';
import { familyPath, modelPath, organizationPath, providerPath } from '../../core/urls.ts';

/** Rows per server-rendered page of /models/, and per "show more" step with JS. */
export const MODELS_PAGE_SIZE = 100;

/** One cell: its text, an optional link and badge; `num` aligns right. */
export interface RowCell {
  text: string;
  href?: string | undefined;
  badge?: string | undefined;
  num?: boolean;
}

/** "text, image → text"; empty when the modalities are unknown. */
export const modalitySummary = (input: string[], output: string[]): string =>
  input.length || output.length ? `${input.join(', ') || '?'} → ${output.join(', ') || '?'}` : '';

/** The row header (model) and then one cell per column of the /models/ table, in order. */
export const indexRowCells = (e: IndexEntry): RowCell[] => [
  { text: e.n, href: modelPath(e.id), badge: e.s === 'active' ? undefined : e.s },
  { text: e.cn, href: organizationPath(e.c) },
  { text: e.fn ?? e.f ?? '', href: e.f ? familyPath(e.f) : undefined },
  { text: e.r ? formatDate(e.r) : '' },
  { text: e.x ? formatTokens(e.x) : '', num: true },
  { text: e.o ? formatTokens(e.o) : '', num: true },
  { text: modalitySummary(e.mi, e.mo) },
  { text: yesNo(e.w ?? undefined) },
  { text: String(e.p), num: true },
  { text: e.i === null ? '' : formatUsd(e.i), num: true },
  { text: e.u === null ? '' : formatUsd(e.u), num: true },
  { text: e.cp ?? '', href: e.cpi ? providerPath(e.cpi) : undefined },
];

/**
 * What each column's cell can hold: a link, a badge (the row header only), right-aligned figures;
 * `first`: shown first (and bold) in a phone's card (.card-table), the prices.
 */
export const INDEX_COLUMNS: readonly { label: string; link?: boolean; badge?: boolean; num?: boolean; first?: boolean }[] = [
  { label: 'Model', link: true, badge: true },
  { label: 'Creator', link: true },
  { label: 'Family', link: true },
  { label: 'Released' },
  { label: 'Context', num: true },
  { label: 'Max output', num: true },
  { label: 'Modalities' },
  { label: 'Open weights' },
  { label: 'Providers', num: true },
  { label: 'Input', num: true, first: true },
  { label: 'Output', num: true, first: true },
  { label: 'Cheapest at', link: true },
];

/** The template slots of a row (see src/components/shared/row-template.ts): t<i> text, h<i> link, b<i> badge of column i. */
export const indexRowSlots = (e: IndexEntry): Record<string, string | undefined> =>
  Object.fromEntries(
    indexRowCells(e).flatMap((c, i) => [
      [`t${i}`, c.text],
      [`h${i}`, c.href],
      [`b${i}`, c.badge],
    ]),
  );
