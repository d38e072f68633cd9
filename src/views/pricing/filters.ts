/**
 * The explorer's narrowing filters, applied after the plain ones of rows.ts: the model type the
 * workload needs, whether one request fits the offering's context window and max output, the
 * endpoint features (all selected ones, combined with AND) and official hosts only. Each says
 * how many rows it hides, and every empty state has a message and a way back. A feature is read
 * from the offering's `features` and, only where the offering is silent, from the model's
 * `capabilities` (the cell then says so); unknown rows are hidden unless asked for. Pure.
 */
import type { Workload } from '../../core/cost.ts';
import { formatCount, formatTokens } from '../../core/format.ts';
import { MODEL_TYPE_LABEL, MODEL_TYPES, OFFICIAL_KINDS, WORKLOAD_TYPES, type WorkloadType } from '../../core/vocab.ts';
import { CAPABILITY_ORDER, KIND_ORDER, type CapabilityId, type ExplorerIndex, type ExplorerRow } from './index-data.ts';

export type FeatureId = CapabilityId;
/** Every feature id the filter takes, in form order. */
export const FEATURE_IDS: readonly FeatureId[] = CAPABILITY_ORDER.map(([id]) => id);
export const DEFAULT_TYPE: WorkloadType = WORKLOAD_TYPES[0];

/** What the narrowing filters need of the explorer's filters; each off when undefined. */
export interface Narrowing {
  type?: WorkloadType | undefined;
  features?: readonly string[] | undefined;
  /** Features whose unknown rows are listed too. */
  unknown?: readonly string[] | undefined;
  /** Also list offerings whose context or max output cannot hold the request. */
  showUnfit?: boolean | undefined;
  /** First-party labs, clouds and inference hosts only (no gateways or resellers). */
  official?: boolean | undefined;
}

/** Rows each narrowing filter hides: not fitting the request, unknown for a selected feature (in total and per feature). */
export interface Hidden {
  unfit: number;
  unknown: number;
  unknownBy: Partial<Record<FeatureId, number>>;
}

/** How one feature stands on one row. */
export type FeatureState = 'yes' | 'no' | 'model-yes' | 'model-no' | 'unknown';

export const featureState = (row: ExplorerRow, i: number): FeatureState => {
  const bit = 1 << i;
  if (row.featKnown & bit) return row.featYes & bit ? 'yes' : 'no';
  if (row.capKnown & bit) return row.capYes & bit ? 'model-yes' : 'model-no';
  return 'unknown';
};

/** Tokens one request holds in the context window (input, output, reasoning) and in the output. */
export const requestTokens = (w: Workload, type: WorkloadType): { total: number; output: number } => {
  const output = type === 'text-generation' ? w.outputTokens + (w.reasoningTokens ?? 0) : 0;
  const total = type === 'text-generation' || type === 'embedding' ? w.inputTokens + output : 0;
  return { total, output };
};

/** Whether one request fits the row: an unknown limit is not held against it. */
export const fits = (row: ExplorerRow, need: { total: number; output: number }): boolean =>
  (row.context === 0 || need.total <= row.context) && (row.maxOutput === 0 || need.output <= row.maxOutput);

const officialKinds = OFFICIAL_KINDS.map((k) => KIND_ORDER.indexOf(k));

/**
 * The rows of the workload's model type (text generation by default), from official hosts when
 * asked, that fit one request (unless `showUnfit`) and have every selected feature (unknown only
 * where included); and how many each of the last two hid.
 */
export const narrowRows = (
  ix: ExplorerIndex,
  rows: readonly ExplorerRow[],
  f: Narrowing,
  w: Workload,
): { rows: ExplorerRow[]; hidden: Hidden } => {
  const type = MODEL_TYPES.indexOf(f.type ?? DEFAULT_TYPE);
  const need = requestTokens(w, f.type ?? DEFAULT_TYPE);
  const feats = (f.features ?? []).flatMap((id) => {
    const i = FEATURE_IDS.indexOf(id as FeatureId);
    return i < 0 ? [] : [{ id: id as FeatureId, i, unknownOk: f.unknown?.includes(id) ?? false }];
  });
  const hidden: Hidden = { unfit: 0, unknown: 0, unknownBy: {} };
  const out: ExplorerRow[] = [];
  for (const r of rows) {
    if (r.type !== type) continue;
    if (f.official && !officialKinds.includes(ix.providers[r.provider]![2])) continue;
    if (!f.showUnfit && !fits(r, need)) {
      hidden.unfit++;
      continue;
    }
    let no = false;
    let unknown: FeatureId[] | undefined;
    for (const x of feats) {
      const s = featureState(r, x.i);
      if (s === 'no' || s === 'model-no') no = true;
      else if (s === 'unknown' && !x.unknownOk) (unknown ??= []).push(x.id);
    }
    if (no) continue;
    if (unknown) {
      hidden.unknown++;
      for (const id of unknown) hidden.unknownBy[id] = (hidden.unknownBy[id] ?? 0) + 1;
      continue;
    }
    out.push(r);
  }
  return { rows: out, hidden };
};

const STATE_TEXT: Record<FeatureState, string> = {
  yes: 'Yes',
  no: 'No',
  'model-yes': 'Yes (model)',
  'model-no': 'No (model)',
  unknown: 'Unknown',
};

/** The features cell: each selected feature and how it stands, "Yes (model)" where only the model says so. */
export const featuresText = (row: ExplorerRow, features: readonly string[] | undefined): string =>
  (features ?? [])
    .flatMap((id) => {
      const i = FEATURE_IDS.indexOf(id as FeatureId);
      return i < 0 ? [] : [`${CAPABILITY_ORDER[i]![1]}: ${STATE_TEXT[featureState(row, i)]}`];
    })
    .join(' · ');

/** One message under the results, with the button that undoes what hides the rows. */
export interface Notice {
  text: string;
  action?: 'show-unfit' | 'include-unknown' | 'all-hosts' | 'clear-filters';
  button?: string;
}

const n = (k: number, one: string, many: string) => `${formatCount(k)} ${k === 1 ? one : many}`;
const featureLabel = (id: string) => CAPABILITY_ORDER.find(([x]) => x === id)?.[1].toLowerCase() ?? id;

/**
 * The messages for a result: what is hidden and how to show it, and for an empty result why and
 * the way back (clear the filters). `shown` is the number of rows listed.
 */
export const notices = (shown: number, hidden: Hidden, f: Narrowing, w: Workload): Notice[] => {
  const out: Notice[] = [];
  const type = f.type ?? DEFAULT_TYPE;
  if (hidden.unfit > 0) {
    const need = requestTokens(w, type);
    out.push({
      text: `${n(hidden.unfit, 'offering is', 'offerings are')} hidden: ${hidden.unfit === 1 ? 'its' : 'their'} context window or maximum output cannot hold one request (${formatTokens(need.total)} tokens${need.output > 0 ? `, ${formatTokens(need.output)} of output` : ''}).`,
      action: 'show-unfit',
      button: 'Show them',
    });
  }
  if (hidden.unknown > 0) {
    const by = Object.entries(hidden.unknownBy)
      .map(([id, k]) => `${featureLabel(id)} ${formatCount(k)}`)
      .join(', ');
    out.push({
      text: `${n(hidden.unknown, 'offering is', 'offerings are')} hidden because a selected feature is unknown for ${hidden.unknown === 1 ? 'it' : 'them'} (${by}).`,
      action: 'include-unknown',
      button: 'Include unknown',
    });
  }
  if (shown === 0) {
    const why =
      hidden.unfit > 0 && hidden.unknown === 0
        ? 'No offering can hold this request.'
        : hidden.unknown > 0 && hidden.unfit === 0
          ? 'Every matching offering leaves a selected feature unknown.'
          : `No ${MODEL_TYPE_LABEL[type].toLowerCase()} offering matches these filters.`;
    out.push({ text: why, action: 'clear-filters', button: 'Clear the filters' });
  } else if (f.official)
    out.push({ text: 'Official hosts only: gateways and resellers are hidden.', action: 'all-hosts', button: 'Show all hosts' });
  return out;
};
