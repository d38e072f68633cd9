/**
 * The host filter above a model page's "Where to run it" table: all hosts, official hosts only
 * (first-party lab, clouds and inference hosts; no gateways or resellers), or one provider kind,
 * each with the number of offerings it keeps. Choices that keep nothing are left out. The page
 * filters with radio buttons and CSS alone (no script): each row carries its kind.
 */
import { KIND_LABEL, OFFICIAL_KINDS, PROVIDER_KINDS, type ProviderKind } from '../../core/vocab.ts';

export interface HostChoice {
  /** "all", "official" or a provider kind. */
  value: string;
  label: string;
  count: number;
}

export const hostChoices = (rows: readonly { kind: ProviderKind }[]): HostChoice[] => {
  const count = (kinds: readonly string[]) => rows.filter((r) => kinds.includes(r.kind)).length;
  const official = count(OFFICIAL_KINDS);
  const choices: HostChoice[] = [{ value: 'all', label: 'All hosts', count: rows.length }];
  if (official > 0 && official < rows.length) choices.push({ value: 'official', label: 'Official hosts only', count: official });
  for (const k of PROVIDER_KINDS) {
    const n = count([k]);
    if (n > 0 && n < rows.length) choices.push({ value: k, label: KIND_LABEL[k], count: n });
  }
  return choices.length > 1 ? choices : [];
};
