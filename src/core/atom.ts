/**
 * Atom 1.0 (RFC 4287) serialization, escaped by hand (no XML library): one feed of dated
 * entries. Dates come from the data (YYYY-MM-DD or YYYY-MM), never the clock.
 */

/** Escapes & < > " ' for XML text and attribute values; drops characters XML 1.0 forbids. */
export const xmlEscape = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** A data date (YYYY-MM-DD or YYYY-MM) → RFC 3339 timestamp at midnight UTC. */
export const atomDate = (date: string): string => `${date.length === 7 ? `${date}-01` : date}T00:00:00Z`;

export interface FeedEntry {
  /** Stable, unique IRI of the entry. */
  id: string;
  title: string;
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  summary: string;
}

export interface Feed {
  id: string;
  title: string;
  /** Absolute URL of the HTML page. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Used as `updated` when there is no entry (a data date). */
  fallbackDate: string;
  entries: FeedEntry[];
}

/** The feed as Atom XML; `updated` is the newest entry's date. */
export const atomFeed = (feed: Feed): string => {
  const updated = feed.entries.reduce((max, e) => (e.date > max ? e.date : max), feed.entries.length ? '' : feed.fallbackDate);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(feed.id)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>`,
    '  <author><name>Provider Atlas</name></author>',
    ...feed.entries.flatMap((e) => [
      '  <entry>',
      `    <id>${xmlEscape(e.id)}</id>`,
      `    <title>${xmlEscape(e.title)}</title>`,
      `    <updated>${atomDate(e.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`,
      `    <summary>${xmlEscape(e.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
};
