/** The features tab: offerings × features, each yes / no / unknown, with column totals. */
import { FEATURE_LABEL, FEATURES, MODALITY_LABEL, type Feature } from '../../core/vocab.ts';
import { modalitiesOf, type OfferingIn } from './model-groups.ts';
import { offeringName } from '../../model/link.ts';

export type FeatureState = 'yes' | 'no' | 'unknown';
/** What a cell shows: a symbol and a word, so that the state never rests on colour alone. */
export const STATE_TEXT: Record<FeatureState, string> = { yes: '✓ yes', no: '✗ no', unknown: '? unknown' };

export interface FeatureRow {
  id: string;
  name: string;
  states: FeatureState[];
  /** "Text, Image"; undefined when not recorded. */
  input: string | undefined;
  output: string | undefined;
}
export interface FeatureMatrix {
  features: { key: Feature; label: string }[];
  rows: FeatureRow[];
  /** Per feature column: how many offerings are yes, no and unknown. */
  totals: Record<FeatureState, number>[];
}

/** true → yes, false → no, absent → unknown (never no). */
export const featureState = (v: boolean | undefined): FeatureState => (v === undefined ? 'unknown' : v ? 'yes' : 'no');

export const featureMatrix = (offerings: OfferingIn[]): FeatureMatrix => {
  const label = (list: string[] | undefined) =>
    list?.map((m) => MODALITY_LABEL[m as keyof typeof MODALITY_LABEL] ?? m).join(', ');
  const rows = offerings
    .map((o): FeatureRow => {
      const m = modalitiesOf(o);
      return {
        id: o.id,
        name: offeringName(o),
        states: FEATURES.map((f) => featureState(o.features?.[f])),
        input: label(m?.input),
        output: label(m?.output),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  const totals = FEATURES.map((_, i) => {
    const t = { yes: 0, no: 0, unknown: 0 };
    for (const r of rows) t[r.states[i]!]++;
    return t;
  });
  return { features: FEATURES.map((key) => ({ key, label: FEATURE_LABEL[key] })), rows, totals };
};
