/**
 * Page data of /changes/ and /deprecations/, the HTML twins of the Atom feed and the calendar:
 * every date relative to the data's own date (the newest check of any provider or offering).
 */
import { formatCountOf, formatDate } from '../../core/format.ts';
import { CHANGE_LABEL, changeList, pastChanges, priceChanges, pricePairText, upcomingRetirements } from '../../core/history.ts';
import { modelPath } from '../../core/urls.ts';
import type { Catalog } from '../../model/link.ts';

type Records = Pick<Catalog, 'models' | 'offerings' | 'date'>;

/** How many price changes /changes/ lists (newest first; the histories hold far fewer today). */
export const CHANGES_PRICE_LIMIT = 200;

/**
 * /changes/: every price change of the offerings' price histories (announced ones first, marked as
 * such), then the latest releases, deprecations and retirements up to the data date, newest first.
 */
export const changesPage = (c: Records) => {
  const today = c.date;
  const prices = priceChanges(c.offerings).slice(0, CHANGES_PRICE_LIMIT);
  const changes = pastChanges(changeList([], c.models), today);
  const announced = prices.filter((p) => p.announced).length;
  return {
    today: today && { date: today, text: formatDate(today) },
    description: `${prices.length} price changes (${announced} announced) and the latest ${changes.length} model releases, deprecations and retirements in Provider Atlas.`,
    prices: prices.map((p) => ({
      ...p,
      dateText: formatDate(p.date),
      statusText: p.announced ? 'Announced' : 'In force',
      beforeText: pricePairText(p.before),
      afterText: pricePairText(p.after),
    })),
    priceCaption: `${formatCountOf(prices.length, 'price change', 'price changes')}${announced ? `, ${announced} announced` : ''}, newest first; USD per 1M tokens`,
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
