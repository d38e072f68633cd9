/** The pricing explorer's first view, computed at build time, and the choices of its filter form. */
import { MODALITY_LABEL } from '../../core/vocab.ts';
import { CAPABILITY_ORDER, KIND_ORDER, MODALITY_ORDER, unpackIndex, type ExplorerIndex } from './index-data.ts';
import { cheapestBars, rankRows, rowCells, type RowCells } from './rows.ts';
import { DEFAULT_STATE } from './state.ts';

/** Rows in the HTML (readable without JavaScript) and rows added by each "show more". */
export const PAGE_ROWS = 100;
/** Bars in the chart of the cheapest options. */
export const CHART_BARS = 10;

/** The default view: the PAGE_ROWS cheapest offerings for the default workload, and the chart's bars. */
export const firstView = (ix: ExplorerIndex, modelHref: (id: string) => string | undefined) => {
  const { ranked, hiddenOld } = rankRows(ix, unpackIndex(ix), DEFAULT_STATE);
  return {
    total: ranked.length,
    hiddenOld,
    cells: ranked.slice(0, PAGE_ROWS).map((r): RowCells => rowCells(r, ix, modelHref)),
    bars: cheapestBars(ranked, ix, CHART_BARS),
  };
};

/** Minimum context choices, tokens. */
export const CONTEXT_CHOICES = [8_000, 32_000, 128_000, 200_000, 1_000_000, 2_000_000] as const;

/** [value, label] choices of each filter select, from the index; names sorted as in the index. */
export const filterChoices = (ix: ExplorerIndex, kindLabel: Record<(typeof KIND_ORDER)[number], string>) => ({
  family: ix.families.map((f): [string, string] => [f, f]),
  org: ix.orgs.map(([id, name]): [string, string] => [id, name]),
  provider: ix.providers.map(([id, name]): [string, string] => [id, name]),
  kind: KIND_ORDER.map((k): [string, string] => [k, kindLabel[k]]),
  modality: [
    ...MODALITY_ORDER.map((m): [string, string] => [`in:${m}`, `Input: ${MODALITY_LABEL[m]}`]),
    ...MODALITY_ORDER.map((m): [string, string] => [`out:${m}`, `Output: ${MODALITY_LABEL[m]}`]),
  ],
  capability: CAPABILITY_ORDER.map(([id, label]): [string, string] => [id, label]),
  region: ix.regions.map(([id, name]): [string, string] => [id, `${name} (${id})`]),
});
