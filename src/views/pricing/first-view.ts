/** The pricing explorer's first view, computed at build time, and the choices of its filter form. */
import { formatCount, formatUsd } from '../../core/format.ts';
import { KIND_LABEL, MODALITY_LABEL } from '../../core/vocab.ts';
import { CONTINENT_LABEL, CONTINENTS, countryName } from '../../core/regions.ts';
import { WORKLOAD_PRESETS } from '../../core/workload.ts';
import {
  CAPABILITY_ORDER,
  KIND_ORDER,
  MODALITY_ORDER,
  packIndex,
  unpackIndex,
  type ExplorerIndex,
  type IndexableOffering,
} from './index-data.ts';
import { cheapestBars, exactModelHint, groupHeadings, rankRows, resultsText, rowCells, type RowCells } from './rows.ts';
import { notices, type Notice } from './filters.ts';
import { captionText, DEFAULT_STATE, presetOf } from './state.ts';

// Pure: the browser bundle imports this module too (CHART_BARS) and drops what it does not use.
const packed = /* @__PURE__ */ new WeakMap<readonly IndexableOffering[], ExplorerIndex>();
/**
 * The packed index of these offerings, built once per list: /pricing/ and /pricing/index.json
 * both ask for the catalog's, and share one. Treat the result as read-only.
 */
export const explorerIndex = (offerings: readonly IndexableOffering[]): ExplorerIndex => {
  let ix = packed.get(offerings);
  if (!ix) packed.set(offerings, (ix = packIndex(offerings)));
  return ix;
};

/** Rows in the HTML (readable without JavaScript) and rows added by each "show more". */
export const PAGE_ROWS = 100;
/** Bars in the chart of the cheapest options. */
export const CHART_BARS = 10;

/** The default view: the PAGE_ROWS cheapest offerings for the default workload, and the chart's bars. */
export const firstView = (ix: ExplorerIndex, modelHref: (id: string) => string | undefined) => {
  const { ranked, hiddenOld, hiddenPlace, hiddenFree, free, hidden } = rankRows(ix, unpackIndex(ix), DEFAULT_STATE);
  const shown = Math.min(PAGE_ROWS, ranked.length);
  const left = ranked.length - shown;
  return {
    total: ranked.length,
    /**
     * The results line, the notices and the "show more" button as the island draws them for the
     * default state, so that /pricing/ needs no index download or re-pricing at load.
     */
    results:
      resultsText(ranked.length + hiddenFree, hiddenOld, shown + hiddenFree, hiddenPlace) +
      exactModelHint(ranked.length, DEFAULT_STATE.filters),
    notices: notices(ranked.length, hidden, DEFAULT_STATE.filters, DEFAULT_STATE.workload) as Notice[],
    more: left > 0 ? `Show ${Math.min(left, PAGE_ROWS)} more (${formatCount(left)} not shown)` : '',
    hiddenOld,
    /** The heading of each cost group (the free group's says how many of its rows are listed). */
    headings: groupHeadings(free - hiddenFree, free),
    cells: ranked.slice(0, PAGE_ROWS).map((r): RowCells => rowCells(r, ix, modelHref)),
    bars: cheapestBars(ranked, ix, CHART_BARS),
  };
};

/** Minimum context choices, tokens. */
export const CONTEXT_CHOICES = [8_000, 32_000, 128_000, 200_000, 1_000_000, 2_000_000] as const;

/** [value, label] choices of each filter select, from the index; names sorted as in the index. */
export const filterChoices = (ix: ExplorerIndex, kindLabel: Record<(typeof KIND_ORDER)[number], string>) => ({
  family: ix.families.map(([id, name]): [string, string] => [id, name]),
  org: ix.orgs.map(([id, name]): [string, string] => [id, name]),
  provider: ix.providers.map(([id, name]): [string, string] => [id, name]),
  kind: KIND_ORDER.map((k): [string, string] => [k, kindLabel[k]]),
  modality: [
    ...MODALITY_ORDER.map((m): [string, string] => [`in:${m}`, `Input: ${MODALITY_LABEL[m]}`]),
    ...MODALITY_ORDER.map((m): [string, string] => [`out:${m}`, `Output: ${MODALITY_LABEL[m]}`]),
  ],
  capability: CAPABILITY_ORDER.map(([id, label]): [string, string] => [id, label]),
  ...placeChoices(ix),
});

/**
 * Continent and country choices: those some route of the index runs in, with the number of
 * offerings each could serve ("Germany (412)"); countries by name.
 */
export const placeChoices = (ix: ExplorerIndex): { continent: [string, string][]; country: [string, string][] } => {
  const byContinent = new Map<string, number>();
  const byCountry = new Map<string, number>();
  for (const row of ix.rows) {
    const continents = new Set<string>();
    const countries = new Set<string>();
    for (const pi of row[8]) {
      if (pi < 0) continue;
      const place = ix.places[pi]!;
      for (const c of place[5] ? place[5].split(' ') : []) continents.add(c);
      for (const c of place[4] ? place[4].split(' ') : []) countries.add(c);
    }
    for (const c of continents) byContinent.set(c, (byContinent.get(c) ?? 0) + 1);
    for (const c of countries) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
  }
  return {
    continent: CONTINENTS.filter((c) => byContinent.has(c)).map((c): [string, string] => [
      c,
      `${CONTINENT_LABEL[c]} (${formatCount(byContinent.get(c)!)})`,
    ]),
    country: [...byCountry]
      .map(([c, n]): [string, string, string] => [c, countryName(c), `${countryName(c)} (${formatCount(n)})`])
      .sort((a, b) => a[1].localeCompare(b[1], 'en'))
      .map(([c, , label]) => [c, label]),
  };
};

/**
 * Everything /pricing/ shows before its script runs: the offering count, the note on the default
 * workload (a preset), the filter choices, the chart's bars and the first rows with their caption.
 */
export const pricingPage = (offerings: readonly IndexableOffering[], modelHref: (id: string) => string | undefined) => {
  const ix = explorerIndex(offerings);
  const view = firstView(ix, modelHref);
  const id = presetOf(DEFAULT_STATE.workload);
  const preset = id === undefined ? undefined : WORKLOAD_PRESETS[id];
  return {
    /** "5,276": every offering in the index. */
    count: formatCount(ix.rows.length),
    note: {
      shown: Math.min(PAGE_ROWS, view.total),
      workload: preset ? `the “${preset.label}” workload` : 'the default workload',
      /** The preset's description as the rest of a sentence ("a customer-facing assistant: …"). */
      description: preset ? preset.description.charAt(0).toLowerCase() + preset.description.slice(1) : '',
      /** The preset's description under the workload fields, as the script writes it for the default state. */
      presetText: preset?.description ?? '',
    },
    choices: filterChoices(ix, KIND_LABEL),
    bars: view.bars.map((b) => ({ ...b, text: formatUsd(b.usd) })),
    cells: view.cells,
    headings: view.headings,
    caption: captionText(DEFAULT_STATE),
    results: view.results,
    notices: view.notices,
    more: view.more,
  };
};
