/** A provider's offerings grouped by model creator, for the models tab. */
import { formatDate } from '../../core/format.ts';
import { modelHref } from '../../core/urls.ts';
import { offeringName } from '../../model/link.ts';
import type { Offering } from '../../model/schema.ts';

interface ModelLike {
  name: string;
  organization: string;
  context_window?: number | undefined;
  max_output_tokens?: number | undefined;
  modalities?: Offering['modalities'];
}
export interface OfferingIn extends Offering {
  id: string;
  modelRecord?: ModelLike | undefined;
}

/** Group of offerings whose creator is unknown (unlinked, filed directly under the provider). */
export const OTHER_CREATOR = 'other';

/**
 * The creator of what an offering serves: its model's organization, else (unlinked) the creator
 * folder of its id (offerings/<provider>/<creator>/<model>.yaml → "<creator>"), else "other".
 */
export const creatorOf = (o: { id: string; modelRecord?: { organization: string } | undefined }): string => {
  if (o.modelRecord) return o.modelRecord.organization;
  const parts = o.id.split('/');
  return parts.length > 2 ? parts[1]! : OTHER_CREATOR;
};

/** Input and output modalities of an offering: its own, else its model's; undefined when unknown. */
export const modalitiesOf = (o: OfferingIn): Offering['modalities'] => o.modalities ?? o.modelRecord?.modalities;

/** "preview", "deprecated 1 Jun 2025, retires 1 Dec 2025", or "" when active. */
export const statusText = (o: Pick<Offering, 'status' | 'deprecation_date' | 'retirement_date'>): string => {
  if (o.status === 'active') return '';
  const dates = [
    o.deprecation_date && `deprecated ${formatDate(o.deprecation_date)}`,
    o.retirement_date && `${o.status === 'retired' ? 'retired' : 'retires'} ${formatDate(o.retirement_date)}`,
  ].filter(Boolean);
  return dates.length && o.status !== 'preview' ? dates.join(', ') : o.status;
};

export interface ModelRow {
  id: string;
  name: string;
  /** Canonical model page, when it exists (see links.ts). */
  href: string | undefined;
  providerModelId: string;
  context: number | undefined;
  maxOutput: number | undefined;
  input: string[] | undefined;
  output: string[] | undefined;
  status: string;
}
export interface ModelGroup {
  /** Creator id, also the anchor: "g-<id>". */
  id: string;
  label: string;
  rows: ModelRow[];
}

/** Groups offerings by creator (groups by label, rows by name then API id); `orgName` resolves a creator id. */
export const groupOfferings = (offerings: OfferingIn[], orgName: (id: string) => string | undefined): ModelGroup[] => {
  const groups = new Map<string, ModelGroup>();
  for (const o of offerings) {
    const id = creatorOf(o);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, label: orgName(id) ?? (id === OTHER_CREATOR ? 'Other' : id), rows: [] }));
    const mod = modalitiesOf(o);
    g.rows.push({
      id: o.id,
      name: offeringName(o),
      href: o.model ? modelHref(o.model) : undefined,
      providerModelId: o.provider_model_id,
      context: o.limits?.context_window ?? o.modelRecord?.context_window,
      maxOutput: o.limits?.max_output_tokens ?? o.modelRecord?.max_output_tokens,
      input: mod?.input,
      output: mod?.output,
      status: statusText(o),
    });
  }
  const list = [...groups.values()];
  for (const g of list)
    g.rows.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.providerModelId < b.providerModelId ? -1 : 1));
  return list.sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.id < b.id ? -1 : 1));
};
