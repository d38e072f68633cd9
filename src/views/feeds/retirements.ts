/** /deprecations.ics: one all-day event per upcoming deprecation or retirement. */
import { icsCalendar } from '../../core/ics.ts';
import type { Retirement } from '../../core/history.ts';

/** The calendar; `today` (the data date) stamps every event. */
export const retirementCalendar = (list: Retirement[], today: string | undefined, site: string): string =>
  icsCalendar(
    'Provider Atlas: model deprecations and retirements',
    list.map((r) => ({
      uid: `${r.kind}-${r.id.replace(/\//g, '.')}-${r.date}@${new URL(site).host}`,
      date: r.date,
      summary: `${r.name}${r.provider ? ` at ${r.provider}` : ''} ${r.kind === 'retirement' ? 'retires' : 'is deprecated'}`,
      description: r.successor ? `Successor: ${r.successor.name} (${r.successor.id}).` : 'No successor named.',
      url: new URL(r.path, site).href,
    })),
    today ?? '2025-01-01',
  );
