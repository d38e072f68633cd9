/**
 * Page data of /changes/ and /deprecations/, the HTML twins of the Atom feed and the calendar:
 * every date relative to the data's own date (the newest check of any provider or offering).
 */
import { formatDate } from '../../core/format.ts';
import { CHANGE_LABEL, changeList, pastChanges, upcomingRetirements } from '../../core/history.ts';
import { modelPath } from '../../core/urls.ts';
import type { Catalog } from '../../model/link.ts';

type Records = Pick<Catalog, 'models' | 'offerings' | 'date'>;

/** /changes/: the latest changes up to the data date, newest first, with their dates and kinds as shown. */
export const changesPage = (c: Records) => {
  const today = c.date;
  const changes = pastChanges(changeList(c.offerings, c.models), today);
  return {
    today: today && { date: today, text: formatDate(today) },
    description: `The latest ${changes.length} price changes and model releases, deprecations and retirements in Provider Atlas.`,
    changes: changes.map((x) => ({ ...x, dateText: formatDate(x.date), kindText: CHANGE_LABEL[x.kind] })),
  };
};

/** /deprecations/: upcoming deprecation and retirement dates from the data date, soonest first, each with its successor's page. */
export const deprecationsPage = (c: Records) => {
  const today = c.date;
  const list = upcomingRetirements(c.models, c.offerings, today);
  return {
    today: today && { date: today, text: formatDate(today) },
    description: `${list.length} upcoming model deprecations and retirements, with their successors; also as a calendar file.`,
    rows: list.map((r) => ({
      ...r,
      dateText: formatDate(r.date),
      providerText: r.provider ?? 'All providers',
      kindText: CHANGE_LABEL[r.kind],
      successor: r.successor && { name: r.successor.name, href: modelPath(r.successor.id) },
    })),
  };
};
