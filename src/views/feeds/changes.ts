/** The change feeds: /changes.xml (everything) and /providers/<id>/changes.xml (one provider's prices). */
import { atomFeed, type FeedEntry } from '../../core/atom.ts';
import { changeList, feedChanges, type Change } from '../../core/history.ts';
import { changeAnchor, PATHS, providerFeedPath, providerPath } from '../../core/urls.ts';

type Offerings = Parameters<typeof changeList>[0];
type Models = Parameters<typeof changeList>[1];

const entry = (c: Change & { entryDate: string }, site: string): FeedEntry => ({
  id: new URL(changeAnchor(c.key), site).href,
  title: c.title,
  date: c.entryDate,
  link: new URL(c.path, site).href,
  summary: c.summary,
});

/** Fallback `updated` of an empty feed: the data date, else a fixed epoch (never the clock). */
const fallback = (today: string | undefined) => today ?? '2025-01-01';

/**
 * Atom XML of the latest changes up to `today` (the data date): price changes (announced ones too,
 * dated `today`), releases, deprecations and retirements (history.ts `feedChanges`).
 */
export const changeFeed = (offerings: Offerings, models: Models, today: string | undefined, site: string): string =>
  atomFeed({
    id: new URL(PATHS.changesFeed, site).href,
    title: 'Provider Atlas: price and model changes',
    link: new URL(PATHS.changes, site).href,
    self: new URL(PATHS.changesFeed, site).href,
    fallbackDate: fallback(today),
    entries: feedChanges(changeList(offerings, models), today).map((c) => entry(c, site)),
  });

/** Atom XML of one provider's price changes, announced ones too. */
export const providerChangeFeed = (
  provider: { id: string; name: string; offerings: Offerings },
  today: string | undefined,
  site: string,
): string =>
  atomFeed({
    id: new URL(providerFeedPath(provider.id), site).href,
    title: `Provider Atlas: ${provider.name} price changes`,
    link: new URL(providerPath(provider.id, 'pricing'), site).href,
    self: new URL(providerFeedPath(provider.id), site).href,
    fallbackDate: fallback(today),
    entries: feedChanges(changeList(provider.offerings, []), today).map((c) => entry(c, site)),
  });
