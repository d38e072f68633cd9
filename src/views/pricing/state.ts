/**
 * The pricing explorer's whole view as one state object, and its URL form. The workload uses
 * workload.ts's parameters (req, in, out, cached, cw, ttl, batch, think, img, audio, video,
 * search, preset); filters and sort add their own. Defaults are left out, so the default view is
 * plain /pricing/ and a model page can link to /pricing/?model=<id>. The URL goes through the
 * table-state engine (src/core/table-state.ts). Pure: no DOM, no location.
 */
import type { Workload } from '../../core/cost.ts';
import {
  decodeMonthly,
  decodeWorkload,
  DEFAULT_WORKLOAD,
  encodeMonthly,
  encodeWorkload,
  monthlyOf,
  MONTHLY_FIELDS,
  VOLUME_PARAM,
  withFieldText,
  withMonthly,
  withMonthlyText,
  type MonthlyVolume,
  WORKLOAD_FIELDS,
  WORKLOAD_PRESETS,
  type PresetId,
  type WorkloadPreset,
} from '../../core/workload.ts';
import { WORKLOAD_TYPES, type WorkloadType } from '../../core/vocab.ts';
import { DEFAULT_TYPE, FEATURE_IDS } from './filters.ts';
import {
  applyInput,
  countParam,
  flagParam,
  listParam,
  readableQuery,
  readState,
  sortParam,
  textParam,
  writeState,
  type Param,
  type SortDir,
} from '../../core/table-state.ts';

/** Column the rows are sorted by: the monthly cost of the workload, a price (USD per 1M tokens), or a name. */
export const SORT_KEYS = ['cost', 'input', 'output', 'cache_read', 'blended', 'context', 'model', 'provider'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type { SortDir };

/** What the rows must match; each filter is off when undefined. Ids as in data/. */
export interface ExplorerFilters {
  /**
   * A model, exactly: its id (with or without the creator's prefix), name or one of its aliases,
   * or an offering id; with `modelPart`, text found in the model's id or name or the offering's id.
   */
  model?: string | undefined;
  /** Match part of the model's name or id ("match part of the name"). */
  modelPart?: boolean | undefined;
  /** Family slug, e.g. "claude-sonnet". */
  family?: string | undefined;
  /** Creator organization id. */
  org?: string | undefined;
  provider?: string | undefined;
  /** Provider kind: first-party, cloud, inference, gateway. */
  kind?: string | undefined;
  /** "in:<modality>" or "out:<modality>", e.g. "in:image". */
  modality?: string | undefined;
  /** The model type the workload needs (WORKLOAD_TYPES); text generation by default. */
  type?: WorkloadType | undefined;
  /** CAPABILITY_ORDER ids every row must have (AND), e.g. ["tool_calling", "structured_output"]. */
  features?: string[] | undefined;
  /** Selected features whose unknown rows are listed too. */
  unknown?: string[] | undefined;
  /** Also list offerings whose context or max output cannot hold one request. */
  showUnfit?: boolean | undefined;
  /** Official hosts only: first-party labs, clouds and inference hosts. */
  official?: boolean | undefined;
  /** Continent code where it must be able to run (src/core/regions.ts CONTINENTS), e.g. "EU". */
  continent?: string | undefined;
  /** ISO 3166-1 alpha-2 country where it must be able to run, e.g. "DE". */
  country?: string | undefined;
  /** Processing can be kept inside the EU. */
  eu?: boolean | undefined;
  /** With a region filter on, also list offerings whose provider publishes no region. */
  unknownPlace?: boolean | undefined;
  /** Minimum context window, tokens. */
  minContext?: number | undefined;
  /** Also list deprecated and retired offerings. */
  includeOld?: boolean | undefined;
  /** List every free offering, not only the first FREE_PREVIEW of the free group. */
  allFree?: boolean | undefined;
}

export interface ExplorerState {
  /** The workload the engine prices (tokens per request, derived from `monthly` when set). */
  workload: Workload;
  /** The volume as the user gave it per month (tin, tout in the URL); absent: per request. */
  monthly?: MonthlyVolume | undefined;
  filters: ExplorerFilters;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_STATE: ExplorerState = { workload: DEFAULT_WORKLOAD, filters: {}, sort: 'cost', dir: 'asc' };

/** Query parameter of each filter; the form's controls carry the same names. */
export const FILTER_PARAMS = {
  model: 'model',
  modelPart: 'part',
  family: 'family',
  org: 'org',
  provider: 'provider',
  kind: 'kind',
  modality: 'mod',
  type: 'type',
  features: 'feat',
  unknown: 'unk',
  showUnfit: 'unfit',
  official: 'official',
  continent: 'continent',
  country: 'country',
  eu: 'eu',
  unknownPlace: 'unkreg',
  minContext: 'ctx',
  includeOld: 'old',
  allFree: 'free',
} as const satisfies Record<keyof ExplorerFilters, string>;

const sameWorkload = (a: Workload, b: Workload) => encodeWorkload(a) === encodeWorkload(b);

/** The preset whose workload this is, exactly; undefined for custom numbers. */
export const presetOf = (w: Workload): PresetId | undefined =>
  (Object.keys(WORKLOAD_PRESETS) as PresetId[]).find((id) => sameWorkload(WORKLOAD_PRESETS[id].workload, w));

/** The workload and, when the volume is given per month, its monthly totals. */
interface WorkloadView {
  workload: Workload;
  monthly: MonthlyVolume | undefined;
}

/**
 * The workload in the URL: "preset=<id>" for a preset's workload, else every field (workload.ts);
 * with a monthly volume, `tin` and `tout` (tokens per month) instead of `in` and `out`.
 */
const workloadParam: Param<WorkloadView> = {
  default: { workload: DEFAULT_WORKLOAD, monthly: undefined },
  names: ['preset', ...WORKLOAD_FIELDS.map((f) => f.param), ...MONTHLY_FIELDS.map((f) => f.param)],
  read: (p) => {
    const w = decodeWorkload(p);
    const monthly = decodeMonthly(p, w);
    return monthly ? { workload: withMonthly(w, monthly), monthly } : { workload: w, monthly: undefined };
  },
  write: ({ workload: w, monthly }) => {
    if (monthly) return [...new URLSearchParams(encodeMonthly(w, monthly))];
    const preset = presetOf(w);
    return preset ? [['preset', preset]] : [...new URLSearchParams(encodeWorkload(w))];
  },
};

/** The model type: `type`, else the preset's type, else text generation (the default, left out). */
const typeParam: Param<WorkloadType> = {
  default: DEFAULT_TYPE,
  names: [FILTER_PARAMS.type],
  read: (p) => {
    const t = p.get(FILTER_PARAMS.type) ?? '';
    if ((WORKLOAD_TYPES as readonly string[]).includes(t)) return t as WorkloadType;
    const preset = p.get('preset') ?? '';
    return Object.hasOwn(WORKLOAD_PRESETS, preset) ? (WORKLOAD_PRESETS[preset as PresetId] as WorkloadPreset).type : undefined;
  },
  write: (v) => [[FILTER_PARAMS.type, v]],
};

/** The whole view's URL form, through the table-state engine (defaults left out). */
const SCHEMA = {
  workload: workloadParam,
  model: textParam(FILTER_PARAMS.model),
  modelPart: flagParam(FILTER_PARAMS.modelPart),
  family: textParam(FILTER_PARAMS.family),
  org: textParam(FILTER_PARAMS.org),
  provider: textParam(FILTER_PARAMS.provider),
  kind: textParam(FILTER_PARAMS.kind),
  modality: textParam(FILTER_PARAMS.modality),
  type: typeParam,
  features: listParam(FILTER_PARAMS.features, { allowed: FEATURE_IDS, sorted: true }),
  unknown: listParam(FILTER_PARAMS.unknown, { allowed: FEATURE_IDS, sorted: true }),
  showUnfit: flagParam(FILTER_PARAMS.showUnfit),
  official: flagParam(FILTER_PARAMS.official),
  continent: textParam(FILTER_PARAMS.continent),
  country: textParam(FILTER_PARAMS.country),
  eu: flagParam(FILTER_PARAMS.eu),
  unknownPlace: flagParam(FILTER_PARAMS.unknownPlace),
  minContext: countParam(FILTER_PARAMS.minContext),
  includeOld: flagParam(FILTER_PARAMS.includeOld),
  allFree: flagParam(FILTER_PARAMS.allFree),
  sort: sortParam(SORT_KEYS, { key: DEFAULT_STATE.sort, dir: DEFAULT_STATE.dir }),
};
type Flat = { [K in keyof typeof SCHEMA]: (typeof SCHEMA)[K]['default'] };

/** The state as the schema's flat object; a filter set to undefined is off (its default). */
const flatten = (s: ExplorerState): Flat =>
  ({
    ...readState(SCHEMA, ''),
    ...Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v !== undefined)),
    workload: { workload: s.workload, monthly: s.monthly },
    sort: { key: s.sort, dir: s.dir },
  }) as Flat;
/** The filters that are on, only: off filters are left out of the object; `monthly` only when set. */
const nest = ({ workload, sort, ...f }: Flat): ExplorerState => ({
  workload: workload.workload,
  ...(workload.monthly ? { monthly: workload.monthly } : {}),
  filters: Object.fromEntries(
    Object.entries(f).filter(
      ([k, v]) => v !== '' && v !== 0 && v !== false && !(Array.isArray(v) && !v.length) && !(k === 'type' && v === DEFAULT_TYPE),
    ),
  ),
  sort: sort.key,
  dir: sort.dir,
});

/**
 * The state as a query string without "?": "preset=<id>" for a preset's workload (nothing for
 * the default one), else every workload field; then the filters set, then sort and dir when not
 * the default (cost, ascending).
 */
export const encodeState = (s: ExplorerState): string => {
  const q = readableQuery(writeState(SCHEMA, flatten(s)));
  // Text generation is the default and left out, but a preset implies its own type: then say it.
  const want = s.filters.type ?? DEFAULT_TYPE;
  const implied = nest(readState(SCHEMA, q)).filters.type ?? DEFAULT_TYPE;
  return want === implied ? q : `${q}${q ? '&' : ''}${FILTER_PARAMS.type}=${want}`;
};

/** The state from a query string (with or without "?"): never throws; unknown or bad values are ignored. */
export const decodeState = (query: string): ExplorerState => nest(readState(SCHEMA, query));

/**
 * The state after the user edits one form control (`name` its URL parameter, `checked` for a
 * checkbox): a workload field or a filter; the form is never read back. Unknown names change nothing.
 */
export const withInput = (s: ExplorerState, name: string, value: string, checked?: boolean): ExplorerState => {
  if (name === VOLUME_PARAM) {
    const { monthly: _, ...rest } = s;
    return value === 'month' ? { ...rest, monthly: s.monthly ?? monthlyOf(s.workload) } : rest;
  }
  if (MONTHLY_FIELDS.some((f) => f.param === name)) {
    const monthly = withMonthlyText(s.monthly ?? monthlyOf(s.workload), name, value);
    return { ...s, monthly, workload: withMonthly(s.workload, monthly) };
  }
  if (WORKLOAD_FIELDS.some((f) => f.param === name)) {
    const workload = withFieldText(s.workload, name, value);
    return { ...s, workload: s.monthly ? withMonthly(workload, s.monthly) : workload };
  }
  const flat = flatten(s);
  const next = applyInput(SCHEMA, flat, name, value, checked);
  return next === flat ? s : nest(next);
};

/** The text each filter control shows for the state, by control name. */
export const filterTexts = (f: ExplorerFilters): Record<string, string> =>
  Object.fromEntries(
    (Object.keys(FILTER_PARAMS) as (keyof ExplorerFilters)[]).map((k) => {
      const v = f[k];
      return [FILTER_PARAMS[k], v === undefined || v === false || v === 0 ? '' : v === true ? '1' : String(v)];
    }),
  );

const SORT_LABEL: Record<SortKey, string> = {
  cost: 'monthly cost',
  input: 'input price',
  output: 'output price',
  cache_read: 'cache-read price',
  blended: 'blended price',
  context: 'context window',
  model: 'model name',
  provider: 'provider name',
};

/** The table's caption for a state: its sort and its workload (named when it is a preset). */
export const captionText = (s: ExplorerState): string => {
  const preset = presetOf(s.workload);
  return `Offerings sorted by ${SORT_LABEL[s.sort]}${s.dir === 'desc' ? ', highest first' : ''}, with the monthly cost of ${preset ? `the “${WORKLOAD_PRESETS[preset].label}” workload` : 'your workload'} (USD; prices per 1M tokens)`;
};
